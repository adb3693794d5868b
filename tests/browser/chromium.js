// Headless chromium for the browser tests (screenshot.js, report.js): the
// browser started on a fresh profile and driven over the DevTools protocol
// on a pipe (--remote-debugging-pipe, so no debugging port), a page in it,
// the page's errors, and how much of a PNG is drawn.
//
//   const { launch, watchErrors, inkOf } = require('./chromium');
//   const browser = await launch({ width, height });  // throws if it cannot run
//   const page = await browser.openPage();           // { send, on }
//   ...
//   await browser.close();                           // always: removes the profile
//
// EG_CHROMIUM names the browser (default /usr/bin/chromium); the profile,
// HOME and the XDG folders are a fresh temporary folder, removed by close().
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');

// The DevTools protocol over --remote-debugging-pipe: JSON messages ended
// by NUL, written to the browser's fd 3 and read from its fd 4.  send()
// resolves to a command's result (rejects with its error); on() hears every
// event, of every session.
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
  // A write after the browser is gone fails on the pipe, not here.
  child.stdio[3].on('error', () => {});
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

// One target's session (a tab, or a worker attached to it) in flat mode:
// send(method, params) to it, on(listener(method, params)) for its events.
function session(cdp, sessionId) {
  return {
    sessionId,
    send: (method, params) => cdp.send(method, params, sessionId),
    on: listener => cdp.on(message => {
      if (message.sessionId === sessionId) listener(message.method, message.params);
    }),
  };
}

// Starts chromium at WIDTHxHEIGHT.  Resolves to
//   { cdp, died, log, openPage, close }
// cdp: connect()'s send/on for the browser; died: a promise that rejects
// when chromium exits before close() (race a step against it); log(): the
// end of chromium's stderr; openPage(): a new tab, as a session() of it;
// close(): asks the browser to close (killed after 5 s), then removes the
// profile.  Rejects with "cannot run CHROMIUM: ..." when it cannot start.
async function launch({ width, height, chromium = process.env.EG_CHROMIUM || '/usr/bin/chromium' }) {
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
  const lastLine = () => log.trim().split('\n').pop() || '';
  let cdp;
  let closing = false;
  const close = async () => {
    closing = true;
    if (child.exitCode === null && child.signalCode === null) {
      // Asked first, so that its helper processes are gone too before the
      // profile is removed; killed if it does not close.
      if (cdp) cdp.send('Browser.close').catch(() => {});
      else child.kill('SIGTERM');
      const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(kill);
    }
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  };
  try {
    await new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('spawn', resolve);
    });
  } catch (e) {
    await close();
    throw new Error(`cannot run ${chromium}: ${e.message}`);
  }
  cdp = connect(child);
  const died = exited.then(code => {
    throw new Error(closing ? 'chromium closed' : `chromium exited (${code}): ${lastLine()}`);
  });
  died.catch(() => {});
  const openPage = async () => {
    const { targetId } = await cdp.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
    return session(cdp, sessionId);
  };
  return { cdp, died, log: lastLine, openPage, close };
}

// The first line of an exception's (or a log entry's) text.
function describe(details) {
  const exception = details.exception;
  const text = (exception && (exception.description || exception.value)) || details.text;
  return String(text).split('\n')[0];
}

// Pushes onto ERRORS, as one line each, every uncaught exception of PAGE,
// every console.error and console.assert, and every log entry of level
// error (a failed load, a refused script).  Enables Runtime and Log.
function watchErrors(page, errors) {
  page.on((method, p) => {
    if (method === 'Runtime.exceptionThrown') errors.push(`page error: ${describe(p.exceptionDetails)}`);
    else if (method === 'Runtime.consoleAPICalled' && (p.type === 'error' || p.type === 'assert'))
      errors.push(`console.${p.type}: ${p.args.map(a => a.value !== undefined ? a.value : a.description).join(' ')}`);
    else if (method === 'Log.entryAdded' && p.entry.level === 'error')
      errors.push(`console error (${p.entry.source}): ${p.entry.text}${p.entry.url ? ` (${p.entry.url})` : ''}`);
  });
  return Promise.all([page.send('Runtime.enable'), page.send('Log.enable')]);
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

// Takes a PNG screenshot of PAGE into FILE and returns inkOf(FILE).
async function screenshot(page, file) {
  const shot = await page.send('Page.captureScreenshot', { format: 'png' });
  fs.writeFileSync(file, Buffer.from(shot.data, 'base64'));
  return inkOf(file);
}

module.exports = { launch, connect, session, watchErrors, describe, inkOf, screenshot };
