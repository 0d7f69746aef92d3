// Entry point of the VS Code extension. FIRST CUT: issue 5 replaces this.
export function activate(): void {}
export function deactivate(): void {}
