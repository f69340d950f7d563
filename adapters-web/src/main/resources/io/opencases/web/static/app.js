// The workspace's behaviour beyond htmx: CSRF header, case rules while editing, live updates that keep unsaved
// edits, and keyboard shortcuts. Plain JavaScript, no build step.
(function () {
  'use strict';
  const csrf = () => document.body.dataset.csrf || '';

  document.addEventListener('htmx:configRequest', (e) => { e.detail.headers['X-CSRF-Token'] = csrf(); });

  const next = document.querySelector('[data-next]');
  if (next) {
    const target = new URLSearchParams(location.search).get('next');
    if (target) next.value = target;
  }

  // ---- Case rules, evaluated by the server for the values being edited ----
  const ruleTimers = new WeakMap();

  function evaluateRules(form) {
    const url = form.dataset.rules;
    if (!url) return;
    const body = new URLSearchParams();
    for (const el of form.querySelectorAll('[name^="f."]')) body.append(el.name, el.value);
    fetch(url, {
      method: 'POST', credentials: 'same-origin', body: body,
      headers: { 'X-CSRF-Token': csrf(), 'Content-Type': 'application/x-www-form-urlencoded' }
    }).then((r) => (r.ok ? r.json() : null)).then((outcome) => { if (outcome) applyRules(form, outcome); });
  }

  function applyRules(form, outcome) {
    for (const wrap of form.querySelectorAll('.field[data-field]')) {
      const id = wrap.dataset.field;
      wrap.hidden = outcome.hidden.includes(id);
      const required = outcome.required.includes(id);
      const marker = wrap.querySelector('.req');
      if (marker) marker.hidden = !required;
      const input = wrap.querySelector('[name="f.' + CSS.escape(id) + '"]');
      if (!input) continue;
      input.required = required && !wrap.hidden;
      if (input.tagName === 'SELECT') {
        const allowed = outcome.options[id];
        for (const option of input.options) {
          if (option.value !== '') option.disabled = allowed ? !allowed.includes(option.value) : false;
        }
      }
    }
    form.dataset.rulesApplied = String(Date.now());
  }

  function rulesSoon(e, delay) {
    const form = e.target.form;
    if (!form || !form.dataset.rules || !e.target.name || !e.target.name.startsWith('f.')) return;
    clearTimeout(ruleTimers.get(form));
    ruleTimers.set(form, setTimeout(() => evaluateRules(form), delay));
  }
  document.addEventListener('input', (e) => rulesSoon(e, 200));
  document.addEventListener('change', (e) => {
    rulesSoon(e, 0);
    if (e.target.matches('[data-autosubmit]')) e.target.form.submit();
  });

  // ---- Live updates ----
  async function fetchHtml(url) {
    const r = await fetch(url, { credentials: 'same-origin', headers: { 'HX-Request': 'true' } });
    if (r.status === 401) { location.reload(); return null; }
    return r.ok ? r.text() : null;
  }

  function parse(html) {
    const t = document.createElement('template');
    t.innerHTML = html.trim();
    return t.content.firstElementChild;
  }

  function replace(old, fresh) {
    if (!old || !fresh) return;
    old.replaceWith(fresh);
    if (window.htmx) htmx.process(fresh);
  }

  const isDirty = (el) => el.dataset.saved !== undefined && el.value !== el.dataset.saved;

  /** The fields as stored now, except those the agent changed and has not saved: those keep their input. */
  function replaceFields(fresh) {
    const old = document.getElementById('case-fields');
    if (!old || !fresh) return;
    const focused = document.activeElement;
    let refocus = null;
    for (const input of old.querySelectorAll('[name^="f."]')) {
      const counterpart = fresh.querySelector('[name="' + CSS.escape(input.name) + '"]');
      if (!counterpart) continue;
      if (isDirty(input)) {
        counterpart.value = input.value;
        counterpart.closest('.field').classList.add('unsaved');
      }
      if (input === focused) refocus = counterpart;
    }
    // The answer to the agent's own save stays a moment, even when the live update of that save comes right after.
    const message = old.querySelector(':scope > p[role]');
    if (message && !fresh.querySelector(':scope > p[role]') && Date.now() - Number(old.dataset.swappedAt || 0) < 3000) {
      fresh.prepend(message);
      fresh.dataset.swappedAt = old.dataset.swappedAt;
    }
    replace(old, fresh);
    if (refocus) refocus.focus();
    if ([...fresh.querySelectorAll('[name^="f."]')].some(isDirty)) evaluateRules(fresh);
  }

  /** The case's history, fetched each time its details is opened or a live update re-renders it open. */
  async function loadHistory(details) {
    const html = await fetchHtml(details.dataset.url);
    const body = details.querySelector('.history-body');
    if (html !== null && body) body.innerHTML = html;
  }
  // toggle does not bubble; a capturing listener sees it for every details, also one swapped in a moment ago.
  document.addEventListener('toggle', (e) => {
    if (e.target.id === 'history' && e.target.open && e.target.dataset.url) loadHistory(e.target);
  }, true);

  async function refreshCase() {
    const page = document.querySelector('.case-page');
    if (!page) return;
    const base = page.dataset.refresh;
    const [header, fields, feed] = await Promise.all(
      [fetchHtml(base + '/header'), fetchHtml(base + '/fields'), fetchHtml(base + '/feed')]);
    const statusFocused = document.activeElement && document.activeElement.id === 'case-status';
    if (header && !statusFocused) replace(document.getElementById('case-header'), parse(header));
    if (fields) replaceFields(parse(fields));
    if (feed) {
      const history = document.getElementById('history');
      const open = history && history.open;
      const fresh = parse(feed);
      replace(document.getElementById('feed'), fresh);
      if (open) fresh.querySelector('#history').open = true;
    }
    page.dataset.refreshed = String(Date.now());
  }

  /** The view's table and counts as they are now; selected cases stay selected. */
  async function refreshList() {
    const table = document.getElementById('case-table');
    if (!table) return;
    const checked = new Set([...table.querySelectorAll('input[name=caseId]:checked')].map((i) => i.value));
    const current = table.querySelector('tr.current');
    const html = await fetchHtml(table.dataset.url);
    if (!html) return;
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const fresh = doc.getElementById('case-table');
    if (!fresh) return;
    for (const box of fresh.querySelectorAll('input[name=caseId]')) box.checked = checked.has(box.value);
    if (current) {
      const row = fresh.querySelector('tr[data-case="' + CSS.escape(current.dataset.case) + '"]');
      if (row) row.classList.add('current');
    }
    replace(document.getElementById('case-table'), document.adoptNode(fresh));
    const views = doc.querySelector('nav.views > ul');
    const oldViews = document.querySelector('nav.views > ul');
    if (views && oldViews) oldViews.replaceWith(document.adoptNode(views));
    document.body.dataset.listRefreshed = String(Date.now());
  }

  const pending = new Map();
  function soon(task) {
    clearTimeout(pending.get(task));
    pending.set(task, setTimeout(task, 50));
  }

  document.body.addEventListener('case-refresh', () => soon(refreshCase));
  document.body.addEventListener('list-refresh', () => soon(refreshList));
  document.addEventListener('htmx:afterSwap', (e) => {
    const form = document.getElementById('case-fields');
    if (form && (e.detail.elt === form || e.detail.target === form || !form.dataset.swappedAt)) {
      form.dataset.swappedAt = String(Date.now());
    }
  });
  document.addEventListener('htmx:afterRequest', (e) => {
    if (e.detail.elt.id === 'comment-form' && e.detail.successful) e.detail.elt.reset();
  });

  const domain = document.body.dataset.domain;
  if (domain && window.EventSource && (document.querySelector('.case-page') || document.getElementById('case-table'))) {
    const events = new EventSource('/workspace/events?domain=' + encodeURIComponent(domain));
    events.addEventListener('open', () => { document.body.dataset.live = 'on'; });
    events.addEventListener('case', (e) => {
      const page = document.querySelector('.case-page');
      if (page && (e.data === page.dataset.case || e.data === '*')) soon(refreshCase);
      if (document.getElementById('case-table')) soon(refreshList);
    });
  }

  // ---- Keyboard ----
  const dialog = document.getElementById('shortcuts');
  for (const button of document.querySelectorAll('[data-shortcuts]')) {
    button.addEventListener('click', () => dialog.showModal());
  }

  function moveInList(step) {
    const rows = [...document.querySelectorAll('#case-table tbody tr')];
    if (!rows.length) return;
    let index = rows.findIndex((r) => r.classList.contains('current'));
    index = index < 0 ? (step > 0 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, index + step));
    rows.forEach((r) => r.classList.remove('current'));
    rows[index].classList.add('current');
    rows[index].querySelector('a').focus();
  }

  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target;
    if (['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName) || t.isContentEditable) return;
    if (dialog && dialog.open) return;
    const focus = (id) => {
      const el = document.getElementById(id);
      if (el) { e.preventDefault(); el.focus(); }
      return el;
    };
    switch (e.key) {
      case '/': focus('search'); break;
      case 'j': moveInList(1); break;
      case 'k': moveInList(-1); break;
      case 'x': {
        const row = document.querySelector('#case-table tr.current');
        if (row) { const box = row.querySelector('input[name=caseId]'); box.checked = !box.checked; }
        break;
      }
      case 'c': focus('comment') || focus('bulk-comment'); break;
      case '?': e.preventDefault(); dialog.showModal(); break;
      default:
    }
  });
})();
