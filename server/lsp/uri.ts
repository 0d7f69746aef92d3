// file: URIs <-> paths, the way VS Code writes them (percent-encoded, lower-case drive letters).
import { fileURLToPath, pathToFileURL } from 'node:url';

export const URI = {
  fromPath(path: string): string {
    return pathToFileURL(path).href;
  },
  /** The file system path of a file: URI, or undefined for other schemes (untitled:, vscode-notebook:). */
  toPath(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  },
};
