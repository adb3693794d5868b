// Draws a GraphML or GEXF file with sigma.js in headless chromium and saves
// a screenshot:
//   node tests/browser/screenshot.js PAGE_DIR graphml|gexf FILE PNG
// PAGE_DIR holds render.html and render.bundle.js (tests/e2e/browser.sh
// bundles them).  A server on 127.0.0.1 (a free port the system picks)
// offers the page and FILE, since a page from a file:// URL may fetch no
// file; the browser (started by chromium.js) is driven over the DevTools
// protocol on a pipe, so no debugging port either.  Prints one JSON line:
// what the page drew (order, size, drawn), its times in ms, how much of the
// screenshot is drawn (pixels, inked: not white, colours), and every page
// error and console error.  Exits 0 when the page drew without error, 1 when
// it did not, 2 when chromium could not be run.  EG_CHROMIUM names the
// browser (default /usr/bin/chromium); the profile and HOME are a fresh
// temporary folder.  EG_SIGMA_SIZES=gephi draws sizes in the units of x and
// y, as Gephi does, instead of sigma's default (screen pixels).
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');
const { launch, watchErrors, describe, screenshot } = require('./chromium');

const [pageDir, format, graphFile, pngFile] = process.argv.slice(2);
if (!pngFile || !['graphml', 'gexf'].includes(format)) {
  process.stderr.write('usage: node screenshot.js PAGE_DIR graphml|gexf FILE PNG\n');
  process.exit(2);
}
const width = 1200;
const height = 900;
const timeoutMs = 180000;

function serve() {
  const files = {
    '/': [path.join(pageDir, 'render.html'), 'text/html; charset=utf-8'],
    '/render.bundle.js': [path.join(pageDir, 'render.bundle.js'), 'text/javascript; charset=utf-8'],
    '/graph': [graphFile, 'application/xml'],
  };
  const server = http.createServer((req, res) => {
    const file = files[new URL(req.url, 'http://127.0.0.1').pathname];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': file[1], 'Cache-Control': 'no-store' });
    fs.createReadStream(file[0]).on('error', () => res.destroy()).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

async function main() {
  const server = await serve();
  let browser;
  try {
    browser = await launch({ width, height });
  } catch (e) {
    server.close();
    process.stderr.write(`${e.message}\n`);
    return 2;
  }
  const errors = [];
  let timer;
  const deadline = new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no drawing within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  let result;
  try {
    result = await Promise.race([deadline, browser.died, (async () => {
      const page = await browser.openPage();
      let loaded;
      const load = new Promise(resolve => { loaded = resolve; });
      page.on(method => { if (method === 'Page.loadEventFired') loaded(); });
      await Promise.all([watchErrors(page, errors), page.send('Page.enable')]);
      await page.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false });
      const { port } = server.address();
      const sizes = process.env.EG_SIGMA_SIZES ? `&sizes=${encodeURIComponent(process.env.EG_SIGMA_SIZES)}` : '';
      await page.send('Page.navigate', { url: `http://127.0.0.1:${port}/?format=${format}${sizes}` });
      await load;
      const drawn = await page.send('Runtime.evaluate', { expression: 'window.egRendered', awaitPromise: true, returnByValue: true });
      const ink = await screenshot(page, pngFile);
      if (drawn.exceptionDetails) {
        // Reported once: as the uncaught error the page saw.
        if (!errors.length) errors.push(`page error: ${describe(drawn.exceptionDetails)}`);
        return null;
      }
      return { ...drawn.result.value, screenshot: ink };
    })()]);
  } catch (e) {
    errors.push(`runner: ${e.message}`);
  } finally {
    clearTimeout(timer);
    server.close();
    await browser.close();
  }
  process.stdout.write(JSON.stringify({ format, file: graphFile, png: pngFile, ...(result || {}), errors }) + '\n');
  return errors.length || !result ? 1 : 0;
}

main().then(status => process.exit(status), e => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(2);
});
