// Lighthouse performance scores (mobile preset, simulated throttling) of the pages people open most:
// login, a venue manager's home and plan, the auditors' dashboard. Each page is measured several times
// and the median is kept, as Lighthouse's own guidance recommends for its run-to-run variance.
//
//   node lighthouse.mjs <base url> [--runs 3] [--min 90] [--report-dir dir] [--pages plan,dashboard]
import fs from 'node:fs';
import path from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import puppeteer from 'puppeteer-core';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const baseUrl = (args.find(a => a.startsWith('http')) ?? 'http://127.0.0.1:5098').replace(/\/$/, '');
const runs = Number(option('--runs', '3'));
const minimum = Number(option('--min', '90'));
const reportDir = option('--report-dir', null);
const password = 'SoftTargets-Demo-2026';

/** Signs a demo user in through the login form and returns the session's cookies. */
async function signIn(email) {
  const page = await fetch(`${baseUrl}/account/login`);
  const jar = new Map();
  const keep = response => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  keep(page);
  const token = (await page.text()).match(/name="__RequestVerificationToken" value="([^"]+)"/)?.[1];
  if (!token) throw new Error('The login page has no antiforgery token.');
  const form = new URLSearchParams({
    _handler: 'login', __RequestVerificationToken: token, 'Input.Email': email, 'Input.Password': password,
  });
  const header = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const response = await fetch(`${baseUrl}/account/login`, {
    method: 'POST', body: form, redirect: 'manual', headers: { Cookie: header() },
  });
  keep(response);
  if (response.status !== 302) throw new Error(`Signing in as ${email} answered ${response.status}.`);
  return [...jar].map(([name, value]) => ({ name, value, url: baseUrl }));
}

async function firstSitePlan(cookies) {
  const header = cookies.map(c => `${c.name}=${c.value}`).join('; ');
  const response = await fetch(`${baseUrl}/api/sites`, { headers: { Cookie: header, Accept: 'application/json' } });
  const id = (await response.text()).match(/"id":"([0-9a-f-]{36})"/)?.[1];
  if (!id) throw new Error('The venue manager sees no site to measure the plan page on.');
  return `/sites/${id}/plan`;
}

const manager = await signIn('manager@arenaplus.example');
const auditor = await signIn('auditor@softtargets.example');
const allPages = [
  { name: 'login', path: '/account/login', cookies: null },
  { name: 'home', path: '/', cookies: manager },
  { name: 'plan', path: await firstSitePlan(manager), cookies: manager },
  { name: 'dashboard', path: '/dashboards', cookies: auditor },
];
const chosen = option('--pages', null)?.split(',');
const pages = chosen ? allPages.filter(p => chosen.includes(p.name)) : allPages;

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
// Lighthouse resets the origin's storage, cookies included, before it loads a page; so the cache is
// cleared here instead and the session cookie set, and Lighthouse is told to leave storage alone.
const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
const tab = await browser.newPage();
const cdp = await tab.createCDPSession();
const results = [];
try {
  for (const page of pages) {
    const scores = [];
    for (let run = 0; run < runs; run++) {
      // Lighthouse now and then fails to record the trace of a load (NO_NAVSTART): such a run is repeated.
      let result;
      for (let attempt = 1; ; attempt++) {
        await cdp.send('Network.clearBrowserCache');
        await cdp.send('Network.clearBrowserCookies');
        if (page.cookies) await cdp.send('Network.setCookies', { cookies: page.cookies });
        result = await lighthouse(`${baseUrl}${page.path}`, {
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance'],
          disableStorageReset: true,
        }, undefined, tab);
        if (!result.lhr.runtimeError || attempt === 3) break;
      }
      const lhr = result.lhr;
      if (lhr.runtimeError) throw new Error(`${page.name}: ${lhr.runtimeError.message}`);
      if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(`${baseUrl}${page.path}`).pathname) {
        throw new Error(`${page.name}: ended on ${lhr.finalDisplayedUrl} instead of ${page.path} (not signed in?)`);
      }
      // Pages carry the antiforgery token, so only static files are compressed (no BREACH exposure).
      const uncompressed = lhr.audits['network-requests'].details.items.filter(r =>
        /\.(css|js)(\?|$)/.test(r.url) && r.resourceSize > 2048 && r.transferSize > r.resourceSize / 2);
      if (uncompressed.length > 0) {
        throw new Error(`${page.name}: sent uncompressed: ${uncompressed.map(r => r.url).join(', ')}`);
      }
      scores.push({ score: Math.round(lhr.categories.performance.score * 100), lhr, report: result.report });
    }
    scores.sort((a, b) => a.score - b.score);
    const median = scores[Math.floor(scores.length / 2)];
    const metric = id => median.lhr.audits[id].displayValue;
    results.push({ ...page, score: median.score, all: scores.map(s => s.score) });
    console.log(`${page.name.padEnd(10)} ${String(median.score).padStart(3)}  (runs ${scores.map(s => s.score).join(', ')})  ` +
      `FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, ` +
      `TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}`);
    if (reportDir) {
      fs.mkdirSync(reportDir, { recursive: true });
      fs.writeFileSync(path.join(reportDir, `${page.name}.json`), median.report);
    }
  }
} finally {
  await browser.disconnect();
  await chrome.kill();
}

const below = results.filter(r => r.score < minimum);
console.log(below.length === 0
  ? `Lighthouse performance (mobile): every page scores ${minimum} or more.`
  : `Lighthouse performance (mobile): below ${minimum}: ${below.map(r => `${r.name} ${r.score}`).join(', ')}.`);
process.exit(below.length === 0 ? 0 : 1);
