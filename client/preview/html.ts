// The preview webview's HTML: a strict Content-Security-Policy (no inline script or style, one
// nonce'd script from the extension, nothing from the network) and an empty shell that the script
// fills with text nodes only. Trace content never passes through HTML parsing.
import { randomBytes } from 'node:crypto';
import type * as vscode from 'vscode';

export function previewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, vscodeApi: typeof vscode): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscodeApi.Uri.joinPath(extensionUri, 'dist', 'preview.js'));
  const style = webview.asWebviewUri(vscodeApi.Uri.joinPath(extensionUri, 'dist', 'preview.css'));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>tracelint redacted preview</title>
</head>
<body>
<header id="header">
  <div id="title"></div>
  <div id="controls">
    <span class="label">Mode</span>
    <button type="button" data-mode="mask">mask</button>
    <button type="button" data-mode="hash">hash</button>
    <button type="button" data-mode="remove">remove</button>
    <button type="button" id="save">Save Redacted Copy…</button>
  </div>
  <div id="views">
    <span class="label">Show</span>
    <button type="button" data-view="full" title="Every finding redacted, as tracelint redact writes it">tracelint's full redaction</button>
    <button type="button" data-view="configured" title="As the project's TraceCraft or AgentDbg configuration would store it; what it lets through is highlighted">as your configuration would store it</button>
  </div>
  <div id="nav">
    <button type="button" id="prev" title="Previous finding (p or Shift+F8)">◀ Previous finding</button>
    <button type="button" id="next" title="Next finding (n or F8)">Next finding ▶</button>
    <span id="position" class="muted"></span>
    <span class="label layout-label">Layout</span>
    <button type="button" data-layout="lines" title="One row per trace line">lines</button>
    <button type="button" data-layout="record" title="The selected line's record below, indented, JSON held in strings expanded under #, long strings wrapped (r)">lines + record</button>
  </div>
  <div id="configured"></div>
  <div id="counts"></div>
  <div id="problems"></div>
</header>
<main id="viewport" tabindex="0"><div id="spacer"></div><div id="rows"></div></main>
<section id="record" hidden></section>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
