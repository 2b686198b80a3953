// What every browser script shares: Debian's Chromium (never a downloaded browser) launched the one way, and the
// sign-in through the login form in either language.
import { chromium } from 'playwright-core';
import { ADMIN_PASSWORD } from './host.mjs';

/** Headless Chromium from CHROMIUM_PATH or /usr/bin/chromium. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** The login form's words in each language. */
export const SIGN_IN_WORDS = {
  en: { user: 'User name', password: 'Password', signIn: 'Sign in' },
  'zh-CN': { user: '用户名', password: '密码', signIn: '登录' },
};

/** A button's name: Ant Design puts a space between two CJK characters of a text-only button ("登 录"). */
export const buttonName = (text) => new RegExp([...text].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*'));

/**
 * Signs in through the login form at `address` (the sign-in page or any address that leads to it) once the demo
 * tenant is prefilled, in `lang` (switched on the form for Chinese), and waits for the signed-in shell.
 * `beforeSubmit` runs with the form filled in (a screenshot).
 */
export async function signIn(page, address, { user = 'admin', password = ADMIN_PASSWORD, lang = 'en', beforeSubmit } = {}) {
  const words = SIGN_IN_WORDS[lang];
  await page.goto(address);
  await page.waitForURL(/\/app\/login/);
  await page.waitForFunction(() => document.querySelector('#tenant')?.value === 'demo');
  if (lang !== 'en') await page.getByText('中文', { exact: true }).click();
  await page.getByLabel(words.user).fill(user);
  await page.getByLabel(words.password).fill(password);
  await beforeSubmit?.();
  await page.getByRole('button', { name: buttonName(words.signIn) }).click();
  await page.getByTestId('user-menu').waitFor();
  return page;
}
