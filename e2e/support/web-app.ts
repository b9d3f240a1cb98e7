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
 * `opts` may be a function run first (to make the folders the server is given); `ready` runs once both are up
 * (records the tests need), inside the same time limit.
 */
export function useWebApp(
  opts: WebServerOptions | (() => WebServerOptions | Promise<WebServerOptions>) = {},
  startTimeoutMs = 240_000,
  ready?: (app: WebApp) => Promise<void>,
): WebApp {
  let server: WebServer | undefined;
  let browser: Browser | undefined;
  const app: WebApp = {
    get server() {
      if (!server) throw new Error('the web server has not started');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('Chromium has not started');
      return browser;
    },
  };
  beforeAll(async () => {
    server = await startWebServer(typeof opts === 'function' ? await opts() : opts);
    browser = await launchBrowser();
    await ready?.(app);
  }, startTimeoutMs);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return app;
}
