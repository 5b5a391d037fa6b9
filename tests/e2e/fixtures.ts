// The `test` every e2e spec imports. It watches each browser context for the
// things the app promises never to do (DESIGN.md, "The process boundary"):
// console errors, uncaught page errors, failed requests, CSP violations and
// any request that leaves the local bundle server. Unless a test opts out
// with `test.use({ failOnPageProblems: false })`, a test fails if any of them
// happened, so every new spec is held to the same bar without repeating it.
import { test as base, expect, type BrowserContext } from '@playwright/test';

export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
  cspViolations: string[];
  /** Requests to anywhere but the local server; they were aborted, never sent. */
  externalRequests: string[];
}

const CSP_REPORT_BINDING = '__wavelengthReportCspViolation';

// The DOM as seen from the init script below: this file is type-checked with
// Node's types (tsconfig.node.json), which have no DOM, so name what is used.
interface CspViolationEvent {
  effectiveDirective: string;
  blockedURI: string;
  sourceFile: string;
  lineNumber: number;
}
interface PageGlobals {
  document: {
    addEventListener(type: 'securitypolicyviolation', listener: (event: CspViolationEvent) => void, options: { capture: boolean }): void;
  };
}

// Runs in every page and frame before the app's own scripts.
function reportCspViolations(bindingName: string): void {
  const page = globalThis as unknown as PageGlobals & Record<string, ((text: string) => void) | undefined>;
  page.document.addEventListener(
    'securitypolicyviolation',
    (event) => {
      page[bindingName]?.(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`);
    },
    { capture: true },
  );
}

function isLocal(url: string, origin: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

async function watchContext(context: BrowserContext, origin: string): Promise<PageProblems> {
  const problems: PageProblems = {
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    cspViolations: [],
    externalRequests: [],
  };
  const aborted = new Set<string>();

  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (isLocal(url, origin)) return route.continue();
    problems.externalRequests.push(`${route.request().method()} ${url}`);
    aborted.add(url);
    return route.abort('blockedbyclient');
  });
  // WebSockets bypass routing; any at all is a problem for an offline app.
  context.on('page', (page) => {
    page.on('websocket', (socket) => problems.externalRequests.push(`WebSocket ${socket.url()}`));
  });

  await context.exposeBinding(CSP_REPORT_BINDING, (_source, text: string) => {
    problems.cspViolations.push(text);
  });
  await context.addInitScript(reportCspViolations, CSP_REPORT_BINDING);

  context.on('console', (message) => {
    const text = message.text();
    if (/Content[- ]Security[- ]Policy/i.test(text)) problems.cspViolations.push(`console: ${text}`);
    else if (message.type() === 'error') problems.consoleErrors.push(`${text} (${message.location().url})`);
  });
  context.on('weberror', (error) => problems.pageErrors.push(String(error.error().stack ?? error.error())));
  context.on('requestfailed', (request) => {
    if (aborted.has(request.url())) return; // already reported as external
    problems.failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText}`);
  });
  context.on('response', (response) => {
    if (response.status() >= 400) problems.failedRequests.push(`${response.request().method()} ${response.url()}: HTTP ${response.status()}`);
  });
  return problems;
}

/** Lets pending binding calls and console events arrive before problems are read. */
export async function settle(context: BrowserContext): Promise<void> {
  for (const page of context.pages()) {
    if (!page.isClosed()) await page.evaluate(() => new Promise((done) => setTimeout(done, 0))).catch(() => undefined);
  }
}

export const test = base.extend<{ problems: PageProblems; failOnPageProblems: boolean }>({
  failOnPageProblems: [true, { option: true }],
  problems: [
    async ({ context, baseURL, failOnPageProblems }, use) => {
      if (!baseURL) throw new Error('baseURL is not configured');
      const problems = await watchContext(context, new URL(baseURL).origin);
      await use(problems);
      if (failOnPageProblems) {
        await settle(context);
        expect(problems, 'the page had problems').toEqual({
          consoleErrors: [],
          pageErrors: [],
          failedRequests: [],
          cspViolations: [],
          externalRequests: [],
        });
      }
    },
    { auto: true },
  ],
});

export { expect };
