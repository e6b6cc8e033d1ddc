import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { installHarness } from "./harness";

/** The chromium the real-VS-Code tests use (test/vscode/host/host.cjs), overridable the same way. */
export const CHROMIUM = process.env.GRADLENS_CHROMIUM || "/usr/bin/chromium";

/** The size of an editor-side panel on a laptop screen. */
export const VIEWPORT = { width: 1280, height: 800 };

/** Why the drawing cases cannot run here, or null when they can. */
export function cannotRun(webviewScript: string): string | null {
  if (!existsSync(CHROMIUM))
    return `no chromium at ${CHROMIUM} (apt-get install -y chromium, or set GRADLENS_CHROMIUM)`;
  if (!existsSync(webviewScript)) return `no ${webviewScript} (npm run build)`;
  return null;
}

export interface WebviewPage {
  page: Page;
  close(): Promise<void>;
}

/**
 * Headless chromium showing the webview as the host's page does (src/host/graphWebview.ts): an
 * empty body in `lang="en"` and the bundled script, which injects its own styles. VS Code's
 * `acquireVsCodeApi` is stubbed by the harness.
 */
export async function openWebview(webviewScript: string): Promise<WebviewPage> {
  const dir = mkdtempSync(join(tmpdir(), "gradlens-draw-"));
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 60_000,
    // The flags the real-VS-Code tests run chromium with (software rendering, no sandbox as root).
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
  });
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.addInitScript(installHarness);
    const html = join(dir, "webview.html");
    writeFileSync(
      html,
      `<!DOCTYPE html>
<html lang="en">
<head><meta charset="UTF-8"><title>GradLens</title></head>
<body>
<script src="${pathToFileURL(resolve(webviewScript)).href}"></script>
</body>
</html>`,
    );
    await page.goto(pathToFileURL(html).href);
    await page.waitForFunction(() => window.__gl.fromWebview.length > 0); // the webview's `ready`
    return {
      page,
      async close() {
        await browser.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
