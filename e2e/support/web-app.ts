import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { startWebServer, type WebServer, type WebServerOptions } from './web-server.ts';

export interface WebApp {
  readonly server: WebServer;
  readonly browser: Browser;
}

/**
 * The demo server and Chromium for the tests of one describe block: started before its first test (the web build
 * and the demo data take a while on a loaded machine, hence the long default), closed after its last.
 */
export function useWebApp(opts: WebServerOptions = {}, startTimeoutMs = 240_000): WebApp {
  let server: WebServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startWebServer(opts);
    browser = await launchBrowser();
  }, startTimeoutMs);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('the web server has not started');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('Chromium has not started');
      return browser;
    },
  };
}
