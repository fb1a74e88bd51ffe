'use strict';
// The console's page: one section per feature, filled from /api/<feature>; no framework, no build step.

const $ = (selector) => document.querySelector(selector);
const timers = [];
let live = null;

async function api(path, options) {
  const response = await fetch('/api/' + path, options);
  const body = await response.json();
  if (!response.ok) {
    throw new Error(body.error || response.status);
  }
  $('#error').textContent = '';
  return body;
}

function show(error) {
  $('#error').textContent = String(error.message || error);
}

function cell(row, text, cls) {
  const td = row.insertCell();
  td.textContent = text;
  if (cls) td.className = cls;
  return td;
}

function every(millis, action) {
  action();
  timers.push(setInterval(action, millis));
}

// --- overview ------------------------------------------------------------------------------
const COLORS = ['#1d3557', '#e63946', '#2a9d8f', '#f4a261', '#6a4c93', '#8ab17d', '#999', '#bc6c25', '#0077b6', '#c9184a', '#606c38', '#7f5539'];

async function overview() {
  try {
    const data = await api('overview');
    const components = $('#components tbody');
    components.replaceChildren();
    for (const component of data.components) {
      const row = components.insertRow();
      row.dataset.name = component.name;
      cell(row, component.name);
      cell(row, component.healthy ? 'healthy' : 'DOWN', component.healthy ? 'healthy' : 'DOWN');
    }
    const connectors = $('#overview-connectors tbody');
    connectors.replaceChildren();
    for (const [name, state] of Object.entries(data.connectors)) {
      const row = connectors.insertRow();
      cell(row, name);
      cell(row, state, state.split(' ')[0]);
    }
    $('#slot').textContent = data.slot
      ? `${data.slot.name}: ${data.slot.active ? 'active' : 'INACTIVE'}, retains ${(data.slot.retainedWalBytes / 1048576).toFixed(1)} MiB of WAL`
      : 'no replication slot (PostgreSQL down, or Debezium not started yet)';
    chart(await api('overview/rates'));
    metrics(await api('metrics'));
  } catch (error) {
    show(error);
  }
}

/** The rows of GET /api/metrics: one per series of the platform's /metrics endpoints. */
function metrics(rows) {
  const body = $('#metrics tbody');
  body.replaceChildren();
  for (const metric of rows) {
    const row = body.insertRow();
    row.dataset.component = metric.component;
    row.dataset.series = metric.caption;
    cell(row, metric.component);
    cell(row, metric.caption);
    cell(row, metric.value, metric.caption === 'unreachable' ? 'DOWN' : '');
  }
}

function chart(samples) {
  draw($('#rates-chart'), $('#rates-legend'), samples, 'rates', '/s', 1);
  draw($('#latency-chart'), $('#latency-legend'), samples, 'latencies', ' ms', 0);
}

/** One line per series of samples[i][key], scaled to the canvas; the legend shows each series' last value. */
function draw(canvas, legend, samples, key, unit, decimals) {
  const context = canvas.getContext('2d');
  context.clearRect(0, 0, canvas.width, canvas.height);
  canvas.dataset.points = samples.length;
  const series = [...new Set(samples.flatMap((s) => Object.keys(s[key])))];
  const max = Math.max(1, ...samples.flatMap((s) => Object.values(s[key])));
  const x = (i) => 40 + (i * (canvas.width - 50)) / Math.max(1, samples.length - 1);
  const y = (v) => canvas.height - 20 - (v * (canvas.height - 30)) / max;
  context.fillStyle = '#666';
  context.fillText(max.toFixed(0) + unit, 0, 12);
  context.fillText('0', 0, canvas.height - 20);
  legend.replaceChildren();
  series.forEach((name, n) => {
    context.strokeStyle = COLORS[n % COLORS.length];
    context.beginPath();
    let started = false;
    samples.forEach((sample, i) => {
      const value = sample[key][name];
      if (value === undefined) return;
      started ? context.lineTo(x(i), y(value)) : context.moveTo(x(i), y(value));
      started = true;
    });
    context.stroke();
    const values = samples.map((s) => s[key][name]).filter((v) => v !== undefined);
    const last = values.length ? values[values.length - 1] : 0;
    const item = document.createElement('span');
    item.style.color = COLORS[n % COLORS.length];
    item.textContent = `■ ${name}: ${last.toFixed(decimals)}${unit}  `;
    legend.append(item);
  });
}

// --- connectors ------------------------------------------------------------------------------
async function connectors() {
  try {
    const all = await api('connectors');
    const body = $('#connectors tbody');
    body.replaceChildren();
    for (const [name, connector] of Object.entries(all)) {
      const status = connector.status;
      const row = body.insertRow();
      row.dataset.connector = name;
      cell(row, name);
      cell(row, connector.info ? connector.info.type : '');
      cell(row, status.connector.state, 'state ' + status.connector.state);
      const tasks = cell(row, '');
      for (const task of status.tasks) {
        const span = document.createElement('span');
        span.className = task.state;
        span.textContent = `task ${task.id} ${task.state} `;
        if (task.trace) {
          span.title = 'show the error';
          span.onclick = () => ($('#connector-trace').textContent = task.trace);
        }
        tasks.append(span);
      }
      const actions = cell(row, '');
      for (const action of ['pause', 'resume', 'restart']) {
        const button = document.createElement('button');
        button.textContent = action;
        button.dataset.action = action;
        button.dataset.connector = name;
        button.onclick = async () => {
          try {
            await api(`connectors/${encodeURIComponent(name)}/${action}`, { method: 'POST' });
            setTimeout(connectors, 500);
          } catch (error) {
            show(error);
          }
        };
        actions.append(button);
      }
    }
  } catch (error) {
    show(error);
  }
}

// --- topics ------------------------------------------------------------------------------------
let topic = null;

const INTERNAL = /^_|-changelog$|-repartition$|-subscription-/;

// Each topic's offsets when last listed, so a refresh shows the messages/s in between.
let lastOffsets = {};

async function topics() {
  try {
    const listed = await api('topics');
    const now = Date.now();
    const body = $('#topics tbody');
    body.replaceChildren();
    const offsets = {};
    for (const t of listed) {
      offsets[t.name] = { offsets: t.offsets, at: now };
      const last = lastOffsets[t.name];
      if (!$('#internal').checked && INTERNAL.test(t.name)) continue;
      const row = body.insertRow();
      const link = document.createElement('a');
      link.textContent = t.name;
      link.dataset.topic = t.name;
      link.onclick = () => browse(t.name);
      row.insertCell().append(link);
      cell(row, t.partitions);
      cell(row, t.offsets);
      cell(row, last ? Math.max(0, (t.offsets - last.offsets) / ((now - last.at) / 1000)).toFixed(1) : '…');
      cell(row, t.subjects.join(', ') || '-');
    }
    lastOffsets = offsets;
  } catch (error) {
    show(error);
  }
}

function browse(name) {
  topic = name;
  stopLive();
  $('#browser').hidden = false;
  $('#browser-title').textContent = name;
  load();
}

function render(documents) {
  const messages = $('#messages');
  messages.replaceChildren();
  documents.forEach(append);
  $('#browser-status').textContent = `${documents.length} records`;
  $('#browser').scrollIntoView();
}

function append(document_) {
  const pre = document.createElement('pre');
  pre.className = 'message';
  pre.textContent = JSON.stringify(document_, null, 1);
  $('#messages').append(pre);
}

async function load() {
  stopLive();
  const mode = $('#mode').value;
  const params = new URLSearchParams({ mode, n: $('#n').value });
  if (mode === 'offset') {
    params.set('partition', $('#partition').value);
    params.set('offset', $('#offset').value);
  }
  if (mode === 'key') params.set('key', $('#key').value);
  try {
    $('#browser-status').textContent = 'reading …';
    render(await api(`topics/${encodeURIComponent(topic)}/messages?${params}`));
  } catch (error) {
    show(error);
  }
}

function stopLive() {
  if (live) {
    live.close();
    live = null;
    $('#live').textContent = 'Live tail';
  }
}

function toggleLive() {
  if (live) {
    stopLive();
    return;
  }
  $('#messages').replaceChildren();
  live = new EventSource(`/api/topics/${encodeURIComponent(topic)}/live`);
  live.onmessage = (event) => append(JSON.parse(event.data));
  $('#live').textContent = 'Stop live tail';
  $('#browser-status').textContent = 'live: new committed records appear below';
}

// --- schemas -----------------------------------------------------------------------------------
async function schemas() {
  try {
    const body = $('#subjects tbody');
    body.replaceChildren();
    // The names first (one registry call), then every subject's versions and rule (two calls each).
    const rows = {};
    for (const s of await api('schemas')) {
      const row = body.insertRow();
      const link = document.createElement('a');
      link.textContent = s.subject;
      link.dataset.subject = s.subject;
      link.onclick = () => schema(s.subject);
      row.insertCell().append(link);
      rows[s.subject] = [cell(row, '…', 'pending'), cell(row, '…', 'pending')];
    }
    for (const s of await api('schemas?details=true')) {
      const [versions, compatibility] = rows[s.subject] || [];
      if (versions) {
        versions.textContent = s.versions.join(', ');
        compatibility.textContent = s.compatibility;
        [versions, compatibility].forEach((c) => c.classList.remove('pending'));
      }
    }
  } catch (error) {
    show(error);
  }
}

async function schema(subject, from, to) {
  try {
    const query = from ? `?from=${from}&to=${to}` : '';
    const data = await api(`schemas/${encodeURIComponent(subject)}${query}`);
    $('#schema').hidden = false;
    $('#schema-title').textContent = subject;
    $('#compatibility').textContent = 'compatibility: ' + data.compatibility;
    for (const [id, chosen] of [['#schema-from', data.from], ['#schema-to', data.to]]) {
      const select = $(id);
      select.replaceChildren(...data.versions.map((v) => new Option('version ' + v, v, false, v === chosen)));
      select.onchange = () => schema(subject, $('#schema-from').value, $('#schema-to').value);
    }
    const diff = $('#diff');
    diff.replaceChildren();
    for (const line of data.diff) {
      const span = document.createElement('span');
      span.className = line.op === '+' ? 'add' : line.op === '-' ? 'del' : '';
      span.textContent = `${line.op} ${line.text}\n`;
      diff.append(span);
    }
  } catch (error) {
    show(error);
  }
}

// --- consumer groups ---------------------------------------------------------------------------
async function groups() {
  try {
    const body = $('#groups tbody');
    body.replaceChildren();
    for (const g of await api('groups')) {
      const row = body.insertRow();
      cell(row, g.group);
      cell(row, g.state);
      cell(row, g.lag);
      cell(row, g.partitions.map((p) => `${p.topic}/${p.partition}: lag ${p.lag}`).join('\n'));
    }
  } catch (error) {
    show(error);
  }
}

// --- verify and seeder -------------------------------------------------------------------------
function showVerify(result) {
  $('#verify-report').textContent = result.ran ? result.report : 'Not run yet from the console.';
  $('#verify-status').textContent = result.ran
    ? `${result.allMatch ? 'all outputs match' : 'outputs differ'} (${result.at}, ${result.seconds.toFixed(1)} s)`
    : '';
}

async function verify() {
  try {
    $('#verify-status').textContent = 'verifying …';
    showVerify(await api('verify', { method: 'POST' }));
  } catch (error) {
    show(error);
  }
}

async function seederStatus() {
  try {
    $('#seed-status').textContent = JSON.stringify(await api('seeder/status'), null, 2);
  } catch (error) {
    show(error);
  }
}

async function seeder(action, params) {
  try {
    await api(`seeder/${action}?${new URLSearchParams(params)}`, { method: 'POST' });
    seederStatus();
  } catch (error) {
    show(error);
  }
}

// --- navigation ----------------------------------------------------------------------------------
const PAGES = {
  overview: () => every(2000, overview),
  connectors: () => every(3000, connectors),
  topics: () => every(3000, topics),
  schemas: schemas,
  groups: () => every(5000, groups),
  verify: async () => showVerify(await api('verify')),
  seeder: () => every(2000, seederStatus),
};

function navigate() {
  const page = (location.hash || '#overview').substring(1);
  timers.splice(0).forEach(clearInterval);
  stopLive();
  document.querySelectorAll('.page').forEach((section) => (section.hidden = section.id !== 'page-' + page));
  document.querySelectorAll('nav a').forEach((a) => a.classList.toggle('current', a.hash === '#' + page));
  (PAGES[page] || PAGES.overview)();
}

$('#load').onclick = load;
$('#internal').onchange = topics;
$('#live').onclick = toggleLive;
$('#verify-run').onclick = verify;
$('#seed-start').onclick = () => seeder('start', { rate: $('#seed-rate').value });
$('#seed-stop').onclick = () => seeder('stop', {});
$('#full-load').onclick = () =>
  seeder('full', { customers: $('#full-customers').value, products: $('#full-products').value, orders: $('#full-orders').value });
window.addEventListener('hashchange', navigate);
navigate();
