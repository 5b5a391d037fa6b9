import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { expect, settle, test } from './fixtures';

test.describe('production build', () => {
  test('loads from the bundle with the app CSP, renders, and stays quiet and offline', async ({ page, problems }) => {
    const response = await page.goto('/');

    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', CONTENT_SECURITY_POLICY);

    await expect(page.locator('#root')).not.toBeEmpty();
    await expect(page.locator('#root')).not.toHaveText(/^\s*$/);

    // Give late requests (fonts, lazy chunks) and errors the chance to show up.
    await page.waitForLoadState('networkidle');
    await settle(page.context());
    expect(problems).toEqual({
      consoleErrors: [],
      pageErrors: [],
      failedRequests: [],
      cspViolations: [],
      externalRequests: [],
    });
  });
});

// The checks above only mean something if the watchers actually catch things.
test.describe('page problem watchers', () => {
  test.use({ failOnPageProblems: false });

  test('catch a CSP violation and a request that would leave the machine', async ({ page, problems }) => {
    await page.goto('/');

    // connect-src 'self': the browser itself refuses, so nothing reaches the network.
    await page.evaluate(() => fetch('https://example.com/telemetry').catch(() => 'refused'));
    // Navigation isn't governed by CSP; the network guard must stop it.
    await page.goto('https://example.com/').catch(() => 'aborted');
    await settle(page.context());

    expect(problems.cspViolations.join('\n')).toContain('connect-src blocked https://example.com/telemetry');
    expect(problems.externalRequests).toContain('GET https://example.com/');
  });

  test('catch uncaught errors, console errors and missing files', async ({ page, problems }) => {
    await page.goto('/');
    // page.evaluate can't throw uncaught errors; a timer escapes its promise.
    await page.evaluate(() => {
      console.error('a console error');
      setTimeout(() => {
        throw new Error('an uncaught error');
      });
    });
    await page.evaluate(() => fetch('./no-such-file.js').catch(() => 'failed'));
    await expect.poll(() => problems.pageErrors.length).toBe(1);
    await settle(page.context());

    expect(problems.consoleErrors.join('\n')).toContain('a console error');
    expect(problems.pageErrors[0]).toContain('an uncaught error');
    expect(problems.failedRequests.join('\n')).toMatch(/no-such-file\.js: HTTP 404/);
  });
});
