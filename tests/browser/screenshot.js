// Draws a GraphML or GEXF file with sigma.js in headless chromium and saves
// a screenshot:
//   node tests/browser/screenshot.js PAGE_DIR graphml|gexf FILE PNG
// PAGE_DIR holds render.html and render.bundle.js (tests/e2e/browser.sh
// bundles them).  A server on 127.0.0.1 (a free port the system picks)
// offers the page and FILE, since chromium fetches no file:// URL; the
// browser is driven over the DevTools protocol on a pipe, so no debugging
// port either.  Prints one JSON line: what the page drew (order, size,
// drawn), its times in ms, how much of the screenshot is drawn (pixels,
// inked: not white, colours), and every page error and console error.  Exits 0
// when the page drew without error, 1 when it did not, 2 when chromium
// could not be run.  EG_CHROMIUM names the browser (default
// /usr/bin/chromium); the profile and HOME are a fresh temporary folder.
// EG_SIGMA_SIZES=gephi draws sizes in the units of x and y, as Gephi does,
// instead of sigma's default (screen pixels).
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const zlib = require('zlib');

const [pageDir, format, graphFile, pngFile] = process.argv.slice(2);
if (!pngFile || !['graphml', 'gexf'].includes(format)) {
  process.stderr.write('usage: node screenshot.js PAGE_DIR graphml|gexf FILE PNG\n');
  process.exit(2);
}
const chromium = process.env.EG_CHROMIUM || '/usr/bin/chromium';
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

// The DevTools protocol over --remote-debugging-pipe: JSON messages ended
// by NUL, written to the browser's fd 3 and read from its fd 4.
function connect(child) {
  const pending = new Map();
  const listeners = [];
  let nextId = 1;
  let buffered = '';
  child.stdio[4].setEncoding('utf8');
  child.stdio[4].on('data', chunk => {
    buffered += chunk;
    let end;
    while ((end = buffered.indexOf('\0')) >= 0) {
      const message = JSON.parse(buffered.slice(0, end));
      buffered = buffered.slice(end + 1);
      if (message.id && pending.has(message.id)) {
        const { resolve, reject, method } = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) reject(new Error(`${method}: ${message.error.message}`));
        else resolve(message.result);
      } else if (message.method) {
        for (const listener of listeners) listener(message);
      }
    }
  });
  return {
    send(method, params = {}, sessionId) {
      const id = nextId++;
      const message = { id, method, params };
      if (sessionId) message.sessionId = sessionId;
      child.stdio[3].write(JSON.stringify(message) + '\0');
      return new Promise((resolve, reject) => pending.set(id, { resolve, reject, method }));
    },
    on(listener) {
      listeners.push(listener);
    },
  };
}

// How much of a PNG (8-bit RGB or RGBA, as chromium writes it) is drawn:
// the pixels that are not white and the distinct colours, read back from
// the file itself, so that a blank or one-colour screenshot shows.
function inkOf(file) {
  const data = fs.readFileSync(file);
  let width = 0, height = 0, channels = 0;
  const idat = [];
  for (let at = 8; at + 8 <= data.length;) {
    const length = data.readUInt32BE(at);
    const kind = data.toString('latin1', at + 4, at + 8);
    const body = data.subarray(at + 8, at + 8 + length);
    if (kind === 'IHDR') {
      [width, height] = [body.readUInt32BE(0), body.readUInt32BE(4)];
      if (body[8] !== 8 || (body[9] !== 2 && body[9] !== 6)) throw new Error(`${file}: a PNG not read here`);
      channels = body[9] === 2 ? 3 : 4;
    } else if (kind === 'IDAT') {
      idat.push(body);
    }
    at += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  let prior = Buffer.alloc(stride);
  let inked = 0;
  const colours = new Set();
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? line[i - channels] : 0;
      const b = prior[i];
      const c = i >= channels ? prior[i - channels] : 0;
      let predicted = 0;
      if (filter === 1) predicted = a;
      else if (filter === 2) predicted = b;
      else if (filter === 3) predicted = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      line[i] = (line[i] + predicted) & 255;
    }
    for (let i = 0; i < stride; i += channels) {
      const rgb = (line[i] << 16) | (line[i + 1] << 8) | line[i + 2];
      if (rgb !== 0xffffff) inked++;
      colours.add(rgb);
    }
    prior = line;
  }
  return { pixels: width * height, inked, colours: colours.size };
}

function describe(details) {
  const exception = details.exception;
  const text = (exception && (exception.description || exception.value)) || details.text;
  return String(text).split('\n')[0];
}

async function main() {
  const server = await serve();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'entgraph-chromium.'));
  const args = [
    '--headless=new', `--user-data-dir=${profile}`, '--remote-debugging-pipe',
    '--no-first-run', '--no-default-browser-check', '--disable-extensions', '--disable-sync',
    '--disable-background-networking', '--disable-component-update', '--disable-breakpad',
    '--disable-dev-shm-usage', '--mute-audio', '--hide-scrollbars',
    // WebGL without a GPU: chromium's software renderer, which it no longer
    // falls back to by itself.
    '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
    `--window-size=${width},${height}`,
  ];
  // Chromium refuses to run as root inside its sandbox.
  if (process.getuid && process.getuid() === 0) args.push('--no-sandbox');
  const env = { ...process.env, HOME: profile, XDG_CONFIG_HOME: profile, XDG_CACHE_HOME: profile };
  const child = spawn(chromium, args, { env, stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
  let log = '';
  child.stderr.on('data', chunk => { log = (log + chunk).slice(-4000); });
  const exited = new Promise(resolve => child.on('exit', code => resolve(code)));
  const started = new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('spawn', resolve);
  });
  let cdp;
  const cleanup = async () => {
    server.close();
    if (child.exitCode === null && child.signalCode === null) {
      // Asked first, so that its helper processes are gone too before the
      // profile is removed; killed if it does not close.
      if (cdp) cdp.send('Browser.close').catch(() => {});
      const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(kill);
    }
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  };
  try {
    await started;
  } catch (e) {
    await cleanup();
    process.stderr.write(`cannot run ${chromium}: ${e.message}\n`);
    return 2;
  }
  cdp = connect(child);
  const errors = [];
  let timer;
  const deadline = new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no drawing within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  const died = exited.then(code => { throw new Error(`chromium exited (${code}): ${log.trim().split('\n').pop()}`); });
  let result;
  let status = 0;
  try {
    result = await Promise.race([deadline, died, (async () => {
      const { targetId } = await cdp.send('Target.createTarget', { url: 'about:blank' });
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
      const send = (method, params) => cdp.send(method, params, sessionId);
      let loaded;
      const load = new Promise(resolve => { loaded = resolve; });
      cdp.on(message => {
        if (message.sessionId !== sessionId) return;
        const p = message.params;
        if (message.method === 'Runtime.exceptionThrown') errors.push(`page error: ${describe(p.exceptionDetails)}`);
        else if (message.method === 'Runtime.consoleAPICalled' && (p.type === 'error' || p.type === 'assert'))
          errors.push(`console.${p.type}: ${p.args.map(a => a.value !== undefined ? a.value : a.description).join(' ')}`);
        else if (message.method === 'Log.entryAdded' && p.entry.level === 'error')
          errors.push(`console error (${p.entry.source}): ${p.entry.text}`);
        else if (message.method === 'Page.loadEventFired') loaded();
      });
      await Promise.all([send('Runtime.enable'), send('Log.enable'), send('Page.enable')]);
      await send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false });
      const { port } = server.address();
      const sizes = process.env.EG_SIGMA_SIZES ? `&sizes=${encodeURIComponent(process.env.EG_SIGMA_SIZES)}` : '';
      await send('Page.navigate', { url: `http://127.0.0.1:${port}/?format=${format}${sizes}` });
      await load;
      const drawn = await send('Runtime.evaluate', { expression: 'window.egRendered', awaitPromise: true, returnByValue: true });
      const shot = await send('Page.captureScreenshot', { format: 'png' });
      fs.writeFileSync(pngFile, Buffer.from(shot.data, 'base64'));
      if (drawn.exceptionDetails) {
        // Reported once: as the uncaught error the page saw.
        if (!errors.length) errors.push(`page error: ${describe(drawn.exceptionDetails)}`);
        return null;
      }
      return { ...drawn.result.value, screenshot: inkOf(pngFile) };
    })()]);
  } catch (e) {
    errors.push(`runner: ${e.message}`);
  } finally {
    clearTimeout(timer);
    died.catch(() => {});
    await cleanup();
  }
  if (errors.length || !result) status = 1;
  process.stdout.write(JSON.stringify({ format, file: graphFile, png: pngFile, ...(result || {}), errors }) + '\n');
  return status;
}

main().then(status => process.exit(status), e => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(2);
});
