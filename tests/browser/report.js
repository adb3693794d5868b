// Opens an `entgraph extract -f html` report from disk in headless chromium
// and uses it as a reader would, with real input events:
//   node tests/browser/report.js REPORT.html PNG [options]
// The report is opened as a file:// URL, at 1400x900, and must work from
// there: every request for anything but the report itself (data: and blob:
// URLs aside) is recorded as a failure, and so is every uncaught exception,
// console.error or console.assert and log entry of level error, of the page
// and of any worker it starts.  The runner waits for window.egReport.ready,
// then takes these steps, in this order, whatever the order of the options:
//   --hash FRAGMENT  open the report at REPORT.html#FRAGMENT; "hash" is what
//                    #details shows once ready (a shared view link)
//   --search TEXT    click #search, type TEXT (Input.insertText), wait for
//                    the suggestions, ArrowDown to the option whose label is
//                    TEXT, Enter; "selected" is the node panel, "links" the
//                    names of its links
//   --link NAME      click the button.link whose .name is NAME in the node
//                    panel; "evidence" is the link panel's evidence
//                    ({date, outlet, title, element, href, sentence}: element
//                    is the title's tag, href its attribute or null)
//   (the screenshot: PNG, taken here, so it shows the panel selected)
//   --escape         press Escape; "escape" is {hidden, hash, cleared}
//   --print PDF      Page.printToPDF into PDF; "print" is its bytes, pages and
//                    images (sizes) and #print-graph img (src, size)
//   --eval EXPR      (repeatable) "eval" lists each EXPR's type and value
// --timeout S bounds loading and egReport.ready (default 120 s); every other
// step has 30 s.  Clicks go to the centre of the element's bounding box,
// scrolled into view; an element covered by another there is not clicked
// but reported.  Prints one JSON line:
//   {report, url, ready, suggestions, selected, links, evidence, hash, escape,
//    print, eval, errors, requests, screenshot: {pixels, inked, colours}}
// (null for a step not asked for).  A step the page made impossible (no
// such option or link, a rejected ready) is an error "runner: STEP: ...".
// Exits 0 when it ran, whatever it found (the caller judges), 2 when
// chromium could not be run, died, or a step timed out (the step named in
// one line on stderr).  EG_CHROMIUM names the browser (see chromium.js).
'use strict';
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const { launch, session, watchErrors, describe, screenshot } = require('./chromium');

const width = 1400;
const height = 900;
const stepMs = 30000;

function usage(message) {
  process.stderr.write(`report.js: ${message}\n` +
    'usage: node report.js REPORT.html PNG [--hash FRAGMENT] [--search TEXT] [--link NAME] [--escape]\n' +
    '       [--print PDF] [--eval EXPR]... [--timeout SECONDS]\n');
  process.exit(2);
}

function parseArgs(argv) {
  const options = { evals: [], readyMs: 120000 };
  const positional = [];
  const valued = { '--hash': 'hash', '--search': 'search', '--link': 'link', '--print': 'print', '--eval': 'eval', '--timeout': 'timeout' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--escape') options.escape = true;
    else if (valued[arg]) {
      if (i + 1 >= argv.length) usage(`${arg} needs a value`);
      const value = argv[++i];
      if (arg === '--eval') options.evals.push(value);
      else if (arg === '--timeout') {
        if (!(Number(value) > 0)) usage(`--timeout ${value}: not a number of seconds`);
        options.readyMs = Number(value) * 1000;
      } else options[valued[arg]] = value;
    } else if (arg.startsWith('--')) usage(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length !== 2) usage('REPORT.html and PNG are needed');
  [options.report, options.png] = positional;
  return options;
}

class Timeout extends Error {}

// Runs STEP (an async function) for at most MS; a Timeout names WHAT.
async function within(ms, what, step) {
  let timer;
  const deadline = new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Timeout(what)), ms);
  });
  try {
    return await Promise.race([deadline, step()]);
  } finally {
    clearTimeout(timer);
  }
}

// What the page's DOM says, by functions run in the page (Runtime.evaluate
// of their source with JSON arguments): they read, they never call the
// page's own code.
async function inPage(page, fn, ...args) {
  const r = await page.send('Runtime.evaluate', {
    expression: `(${fn})(...${JSON.stringify(args)})`, awaitPromise: true, returnByValue: true,
  });
  if (r.exceptionDetails) throw new Error(`in the page: ${describe(r.exceptionDetails)}`);
  return r.result.value;
}

// Resolves to {settled: true, value: CHECK(...ARGS, memo)} once that is
// truthy, polled every 50 ms in the page (memo: an object kept from one
// poll to the next); to {settled: false, value} after MS if it never is.
// CHECK is a function or its source, put into the expression as it is (no
// eval in the page, which a Content-Security-Policy may forbid).
function until(page, ms, check, ...args) {
  return inPage(page, `function (args, ms) {
    const check = (${check});
    const end = performance.now() + ms;
    const memo = {};
    return new Promise(resolve => {
      const poll = () => {
        const value = check(...args, memo);
        if (value) resolve({ settled: true, value });
        else if (performance.now() >= end) resolve({ settled: false, value });
        else setTimeout(poll, 50);
      };
      poll();
    });
  }`, args, ms);
}

// #details as the reader sees it.
function panelOf() {
  const d = document.querySelector('#details');
  if (!d) return null;
  const text = (root, selector) => {
    const e = root && root.querySelector(selector);
    return e ? e.textContent.trim() : null;
  };
  return {
    hidden: d.hidden,
    kind: d.dataset.kind || null,
    id: d.dataset.id || null,
    title: text(d, 'h2'),
    links: [...d.querySelectorAll('ol.links > li')].map(li => {
      const b = li.querySelector('button.link');
      return { name: text(b, '.name'), weight: text(b, '.weight'), edge: b ? b.dataset.edge || null : null };
    }),
    evidence: [...d.querySelectorAll('ol.evidence > li')].map(li => {
      const t = li.querySelector('.title');
      return {
        date: text(li, '.date'), outlet: text(li, '.outlet'),
        title: t ? t.textContent.trim() : null, element: t ? t.localName : null,
        href: t ? t.getAttribute('href') : null, sentence: text(li, '.sentence'),
      };
    }),
    named: [...d.querySelectorAll('ol.sentences > li .sentence')].map(p => p.textContent.trim()),
    hash: location.hash,
  };
}

// Scrolls the element into view and finds the centre of its box: {x, y},
// or {error} when it is missing, has no box, or another element is on top.
function centreOf(selector, name) {
  const all = [...document.querySelectorAll(selector)];
  const e = name === undefined ? all[0]
    : all.find(b => { const n = b.querySelector('.name'); return n && n.textContent.trim() === name; });
  if (!e) return { error: `no ${selector}${name === undefined ? '' : ` named "${name}"`}` };
  e.scrollIntoView({ block: 'center', inline: 'center' });
  const r = e.getBoundingClientRect();
  if (!r.width || !r.height) return { error: `${selector} has no box (${r.width}x${r.height})` };
  const x = r.left + r.width / 2, y = r.top + r.height / 2;
  const top = document.elementFromPoint(x, y);
  if (!top || !(top === e || e.contains(top))) {
    const what = top ? top.localName + (top.id ? `#${top.id}` : '') + (top.className ? `.${String(top.className).split(' ').join('.')}` : '') : 'nothing';
    return { error: `${selector} is covered by ${what} at (${Math.round(x)}, ${Math.round(y)})` };
  }
  return { x, y, edge: e.dataset ? e.dataset.edge || null : null };
}

async function click(page, x, y) {
  const at = { x, y, button: 'left', buttons: 1, clickCount: 1 };
  await page.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
  await page.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...at });
  await page.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...at, buttons: 0 });
}

const keyCodes = { ArrowDown: 40, Enter: 13, Escape: 27 };
async function press(page, key) {
  const code = keyCodes[key];
  const common = { key, code: key, windowsVirtualKeyCode: code, nativeVirtualKeyCode: code };
  // Enter types a character (keypress), as a keyboard's does.
  const down = key === 'Enter' ? { type: 'keyDown', text: '\r', unmodifiedText: '\r' } : { type: 'rawKeyDown' };
  await page.send('Input.dispatchKeyEvent', { ...down, ...common });
  await page.send('Input.dispatchKeyEvent', { type: 'keyUp', ...common });
}

// The suggestions shown: [{node, label, type, selected}].
function suggestionsOf() {
  const list = document.querySelector('#suggestions');
  if (!list || list.hidden) return [];
  return [...list.querySelectorAll('li[role=option]')].map(li => {
    const label = li.querySelector('.label');
    const type = li.querySelector('.type');
    let text = label ? label.textContent : li.textContent;
    if (!label && type) text = text.replace(type.textContent, '');
    return {
      node: li.dataset.node || null, label: text.trim(), type: type ? type.textContent.trim() : null,
      selected: li.getAttribute('aria-selected') === 'true',
    };
  });
}

// The suggestions once they hold TEXT, or once they have stood still for
// a second without it (for until(), which gives memo).
const settledSuggestions = `(text, memo) => (${function (text, suggestionsOf, memo) {
  const list = document.querySelector('#suggestions');
  const seen = list && !list.hidden ? list.innerHTML : '';
  if (seen !== memo.seen) Object.assign(memo, { seen, since: performance.now() });
  const options = suggestionsOf();
  if (options.some(o => o.label === text)) return options;
  return seen && performance.now() - memo.since >= 1000 ? options : null;
}})(text, ${suggestionsOf}, memo)`;

async function searchStep(page, text, result) {
  const box = await inPage(page, centreOf, '#search');
  if (box.error) throw new Error(box.error);
  await click(page, box.x, box.y);
  const focused = await inPage(page, () => document.activeElement && document.activeElement.id);
  if (focused !== 'search') throw new Error(`a click on #search left the focus on ${focused || 'the body'}`);
  await page.send('Input.insertText', { text });
  const listed = await until(page, stepMs, settledSuggestions, text);
  if (!listed.settled) throw new Timeout(`search: no suggestions for "${text}" within ${stepMs / 1000} s`);
  let options = listed.value;
  result.suggestions = options;
  const target = options.find(o => o.label === text);
  if (!target) throw new Error(`no option "${text}" among the suggestions (${options.map(o => o.label).join(', ')})`);
  // ArrowDown until the option is the highlighted one: the number of presses
  // does not assume where the highlight starts or whether it wraps.
  const highlighted = () => options.filter(o => o.selected);
  for (let presses = 0; !(highlighted().length === 1 && highlighted()[0].node === target.node); presses++) {
    if (presses > options.length)
      throw new Error(`${presses} ArrowDown never highlighted "${text}" alone (aria-selected="true" on: ${highlighted().map(o => o.label).join(', ') || 'none'})`);
    await press(page, 'ArrowDown');
    options = await inPage(page, suggestionsOf);
  }
  await press(page, 'Enter');
  const shown = await until(page, stepMs, id => {
    const d = document.querySelector('#details');
    return d && !d.hidden && d.dataset.kind === 'node' && d.dataset.id === id;
  }, target.node);
  if (!shown.settled) throw new Timeout(`search: Enter on "${text}" showed no #details[data-kind=node][data-id="${target.node}"] within ${stepMs / 1000} s`);
  result.selected = await inPage(page, panelOf);
  result.links = result.selected.links.map(l => l.name);
}

async function linkStep(page, name, result) {
  const box = await inPage(page, centreOf, '#details ol.links > li button.link', name);
  if (box.error) {
    const panel = await inPage(page, panelOf);
    throw new Error(`${box.error} in the node panel (links: ${panel ? panel.links.map(l => l.name).join(', ') : 'no #details'})`);
  }
  await click(page, box.x, box.y);
  const shown = await until(page, stepMs, id => {
    const d = document.querySelector('#details');
    return d && !d.hidden && d.dataset.kind === 'edge' && (!id || d.dataset.id === id);
  }, box.edge);
  if (!shown.settled) throw new Timeout(`link: a click on "${name}" showed no #details[data-kind=edge][data-id="${box.edge}"] within ${stepMs / 1000} s`);
  const panel = await inPage(page, panelOf);
  result.link = { id: panel.id, title: panel.title };
  result.evidence = panel.evidence;
}

async function escapeStep(page, result) {
  await press(page, 'Escape');
  const cleared = () => {
    const d = document.querySelector('#details');
    return (!d || d.hidden) && !/(^#|&)(node|edge)=/.test(location.hash);
  };
  const state = await until(page, 5000, cleared);
  const d = await inPage(page, () => {
    const e = document.querySelector('#details');
    return { hidden: !e || e.hidden, hash: location.hash };
  });
  result.escape = { ...d, cleared: state.settled };
}

async function printStep(page, file, result) {
  const pdf = await page.send('Page.printToPDF', { printBackground: true });
  const bytes = Buffer.from(pdf.data, 'base64');
  fs.writeFileSync(file, bytes);
  const text = bytes.toString('latin1');
  const img = await inPage(page, () => {
    const e = document.querySelector('#print-graph img');
    if (!e) return null;
    const src = e.getAttribute('src') || '';
    return { src: src.slice(0, 40), length: src.length, complete: e.complete, naturalWidth: e.naturalWidth, naturalHeight: e.naturalHeight };
  });
  result.print = {
    file, bytes: bytes.length,
    pages: (text.match(/\/Type\s*\/Page\b(?!s)/g) || []).length,
    // Each image XObject's size, as "WIDTHxHEIGHT" (chromium writes their
    // dictionaries uncompressed).
    images: [...text.matchAll(/\/Subtype\s*\/Image\b[^>]*?\/Width\s+(\d+)\s*\/Height\s+(\d+)/g)].map(m => `${m[1]}x${m[2]}`),
    img,
  };
}

async function evalStep(page, expression) {
  const r = await page.send('Runtime.evaluate', { expression, returnByValue: true });
  if (r.exceptionDetails) return { expression, error: describe(r.exceptionDetails) };
  return { expression, type: r.result.type, value: r.result.value };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(options.report)) usage(`${options.report}: no such file`);
  const own = pathToFileURL(path.resolve(options.report)).href;
  const url = own + (options.hash !== undefined ? `#${options.hash.replace(/^#/, '')}` : '');
  const result = {
    report: options.report, url, ready: null, suggestions: null, selected: null, links: null, link: null,
    evidence: null, hash: null, escape: null, print: null, eval: null, errors: [], requests: [], screenshot: null,
  };
  let browser;
  try {
    browser = await launch({ width, height });
  } catch (e) {
    process.stderr.write(`${e.message}\n`);
    return 2;
  }
  const { errors, requests } = result;
  const fetched = (method, p) => {
    if (method !== 'Network.requestWillBeSent') return;
    const u = p.request.url;
    if (/^(data|blob):/i.test(u) || u.split('#')[0] === own) return;
    requests.push(`${p.type || 'Other'} ${u}`);
  };
  let status = 0;
  let step = 'start';
  try {
    await Promise.race([browser.died, (async () => {
      const page = await browser.openPage();
      page.on(fetched);
      // Workers the page starts: their errors and requests count too.  Each
      // waits for the debugger until watched.
      page.on(async (method, p) => {
        if (method !== 'Target.attachedToTarget') return;
        const worker = session(browser.cdp, p.sessionId);
        worker.on(fetched);
        await Promise.all([watchErrors(worker, errors), worker.send('Network.enable').catch(() => {})]).catch(() => {});
        worker.send('Runtime.runIfWaitingForDebugger').catch(() => {});
      });
      let loaded;
      const load = new Promise(resolve => { loaded = resolve; });
      page.on(method => { if (method === 'Page.loadEventFired') loaded(); });
      await Promise.all([watchErrors(page, errors), page.send('Page.enable'), page.send('Network.enable'),
        page.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true })]);
      await page.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false });

      step = 'ready';
      const ready = await within(options.readyMs, `ready: the report did not load and resolve window.egReport.ready within ${options.readyMs / 1000} s`, async () => {
        const navigated = await page.send('Page.navigate', { url });
        if (navigated.errorText) throw new Error(`cannot open ${url}: ${navigated.errorText}`);
        await load;
        // The page's script has run by its load event: no egReport a second
        // after it is a page that failed to start, not one still working.
        return page.send('Runtime.evaluate', {
          expression: `new Promise((resolve, reject) => {
            const end = performance.now() + 1000;
            const wait = () => window.egReport
              ? resolve(Promise.resolve(window.egReport.ready).catch(e => {
                throw new Error('window.egReport.ready rejected: ' + String(e && e.stack ? e.stack.split('\\n')[0] : e));
              }))
              : performance.now() > end ? reject(new Error('no window.egReport after the load event'))
              : setTimeout(wait, 50);
            wait();
          })`,
          awaitPromise: true, returnByValue: true,
        });
      });
      if (ready.exceptionDetails) {
        errors.push(`runner: ready: ${describe(ready.exceptionDetails).replace(/^Error: /, '')}`);
        result.screenshot = await screenshot(page, options.png);
        return;
      }
      result.ready = ready.result.value === undefined ? null : ready.result.value;

      const steps = [];
      if (options.hash !== undefined) steps.push(['hash', async () => {
        await until(page, 10000, () => { const d = document.querySelector('#details'); return d && !d.hidden; });
        result.hash = await inPage(page, panelOf);
      }]);
      if (options.search !== undefined) steps.push(['search', () => searchStep(page, options.search, result)]);
      if (options.link !== undefined) steps.push(['link', () => linkStep(page, options.link, result)]);
      steps.push(['screenshot', async () => { result.screenshot = await screenshot(page, options.png); }]);
      if (options.escape) steps.push(['escape', () => escapeStep(page, result)]);
      if (options.print !== undefined) steps.push(['print', () => printStep(page, options.print, result)]);
      if (options.evals.length) steps.push(['eval', async () => {
        result.eval = [];
        for (const e of options.evals) result.eval.push(await evalStep(page, e));
      }]);
      for (const [name, run] of steps) {
        step = name;
        try {
          await within(stepMs + 5000, `${name}: not done within ${(stepMs + 5000) / 1000} s`, run);
        } catch (e) {
          if (e instanceof Timeout) throw e;
          errors.push(`runner: ${name}: ${e.message}`);
          // What follows a failed selection would act on the wrong panel;
          // the screenshot still shows how the page was left.
          if (name === 'search' || name === 'link') {
            result.screenshot = await screenshot(page, options.png);
            return;
          }
        }
      }
    })()]);
  } catch (e) {
    status = 2;
    const message = e instanceof Timeout ? e.message : `${step}: ${e.message}`;
    process.stderr.write(`report.js: ${message}\n`);
    errors.push(`runner: ${message}`);
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(result) + '\n');
  return status;
}

main().then(status => process.exit(status), e => {
  process.stderr.write(`report.js: ${e.stack || e}\n`);
  process.exit(2);
});
