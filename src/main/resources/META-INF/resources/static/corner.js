// The pollster's corner: a form over the public API. The key stays in sessionStorage (this tab only)
// and goes out only in the Authorization header of this service's API. Every field carries the JSON
// path the API names in its problem+json errors (data-prefix of the enclosing question or row, plus
// data-field), so each message is shown next to the field it names. Text is only ever set with
// textContent: nothing the API or a CSV file returns is parsed as HTML.
(function () {
  'use strict';
  const KEY = 'pollwatch.apiKey';
  const $ = (id) => document.getElementById(id);
  const form = $('poll-form');
  if (!form || !window.fetch) return;

  let editing = null; // {id, etag, version} while revising a poll

  // --- the key ---------------------------------------------------------------------------------------
  function key() { return sessionStorage.getItem(KEY) || ''; }
  function showKeyStatus() {
    $('key-status').textContent = key()
      ? 'A key is set for this tab (ending in …' + key().slice(-4) + ').'
      : 'No key yet: writes will be refused (401) until you give one.';
  }
  $('key-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const value = $('api-key').value.trim();
    if (value) sessionStorage.setItem(KEY, value); else sessionStorage.removeItem(KEY);
    $('api-key').value = '';
    showKeyStatus();
  });
  $('key-forget').addEventListener('click', () => { sessionStorage.removeItem(KEY); showKeyStatus(); });
  showKeyStatus();

  function api(method, url, body, headers) {
    const h = Object.assign({ Accept: 'application/json, application/problem+json' }, headers || {});
    if (key() && method !== 'GET') h.Authorization = 'Bearer ' + key();
    if (body !== undefined) h['Content-Type'] = 'application/json';
    return fetch(url, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit', cache: 'no-store' })
      .then((answer) => answer.text().then((text) => {
        let json = null;
        try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
        return { ok: answer.ok, status: answer.status, json, etag: answer.headers.get('ETag') };
      }));
  }

  // --- questions, options and subgroups ----------------------------------------------------------------
  const questions = $('questions');
  function fromTemplate(id) { return $(id).content.firstElementChild.cloneNode(true); }

  function addRow(question, kind, values) {
    const row = fromTemplate(kind === 'option' ? 'option-template' : 'subgroup-template');
    question.querySelector(kind === 'option' ? '.option-rows' : '.subgroup-rows').append(row);
    if (values) setFields(row, values);
    renumber();
    return row;
  }

  function addQuestion(values) {
    const question = fromTemplate('question-template');
    questions.append(question);
    const options = values && values.options ? values.options : [{}, {}];
    options.forEach((o) => addRow(question, 'option', o));
    ((values && values.subgroups) || []).forEach((s) => addRow(question, 'subgroup', s));
    if (values) setFields(question, values, true);
    renumber();
    return question;
  }

  questions.addEventListener('click', (e) => {
    const button = e.target.closest('button');
    if (!button) return;
    const question = button.closest('.question');
    if (button.classList.contains('add-option')) addRow(question, 'option').querySelector('input').focus();
    else if (button.classList.contains('add-subgroup')) addRow(question, 'subgroup').querySelector('input').focus();
    else if (button.classList.contains('remove-row')) { button.closest('tr').remove(); renumber(); }
    else if (button.classList.contains('remove-question') && questions.children.length > 1) { question.remove(); renumber(); }
  });
  $('add-question').addEventListener('click', () => addQuestion().querySelector('textarea').focus());

  // Prefixes follow the order on screen, so that paths are those of the document sent; ids and the
  // labels of error messages follow them.
  function renumber() {
    Array.from(questions.children).forEach((question, q) => {
      question.dataset.prefix = 'questions[' + q + ']';
      question.querySelector('.q-number').textContent = String(q + 1);
      question.querySelectorAll('.option').forEach((row, i) => { row.dataset.prefix = 'options[' + i + ']'; });
      question.querySelectorAll('.subgroup').forEach((row, i) => { row.dataset.prefix = 'subgroups[' + i + ']'; });
    });
    form.querySelectorAll('[data-field]').forEach((input) => {
      if (!input.id || input.id.startsWith('p-')) input.id = 'p-' + slug(pathOf(input, input.dataset.field));
    });
    form.querySelectorAll('[data-error-for]').forEach((slot) => {
      slot.id = 'e-' + slug(pathOf(slot, slot.dataset.errorFor));
    });
  }
  function slug(path) { return path.replace(/[^A-Za-z0-9]+/g, '-'); }

  function pathOf(element, leaf) {
    const parts = [leaf];
    for (let node = element.parentElement; node && node !== form; node = node.parentElement) {
      if (node.dataset.prefix) parts.unshift(node.dataset.prefix);
    }
    return parts.join('.');
  }

  // --- the document -----------------------------------------------------------------------------------
  // A value that is not a number is sent as typed: the API names the field and says what it wants.
  function valueOf(input) {
    const type = input.dataset.type;
    if (type === 'boolean') return input.checked ? true : undefined;
    const raw = input.value.trim();
    if (raw === '') return undefined;
    if (type === 'number') return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
    if (type === 'list') {
      const list = raw.split(',').map((s) => s.trim()).filter((s) => s);
      return list.length ? list : undefined;
    }
    if (type === 'shares') {
      const shares = {};
      raw.split(';').map((s) => s.trim()).filter((s) => s).forEach((pair) => {
        const colon = pair.lastIndexOf(':');
        const label = (colon < 0 ? pair : pair.slice(0, colon)).trim();
        const share = colon < 0 ? '' : pair.slice(colon + 1).trim();
        shares[label] = /^-?\d+(\.\d+)?$/.test(share) ? Number(share) : share;
      });
      return shares;
    }
    return raw;
  }

  function fieldsOf(scope) {
    const values = {};
    scope.querySelectorAll('[data-field]').forEach((input) => {
      const value = valueOf(input);
      if (value !== undefined) values[input.dataset.field] = value;
    });
    return values;
  }

  function documentOf() {
    const poll = {};
    form.querySelectorAll('[data-field]').forEach((input) => {
      if (input.closest('.question')) return;
      const value = valueOf(input);
      if (value !== undefined) poll[input.dataset.field] = value;
    });
    poll.questions = Array.from(questions.children).map((question) => {
      const q = {};
      question.querySelectorAll('[data-field]').forEach((input) => {
        if (input.closest('tr')) return;
        const value = valueOf(input);
        if (value !== undefined) q[input.dataset.field] = value;
      });
      q.options = Array.from(question.querySelectorAll('.option')).map((row) => fieldsOf(row));
      const subgroups = Array.from(question.querySelectorAll('.subgroup')).map((row) => fieldsOf(row));
      if (subgroups.length) q.subgroups = subgroups;
      return q;
    });
    return poll;
  }

  function setFields(scope, values, ownOnly) {
    scope.querySelectorAll('[data-field]').forEach((input) => {
      if (ownOnly && input.closest('tr')) return;
      if (scope !== form && !ownOnly && input.closest('.question') !== scope.closest('.question')) return;
      const value = values[input.dataset.field];
      const type = input.dataset.type;
      if (type === 'boolean') input.checked = value === true;
      else if (value === undefined || value === null) input.value = '';
      else if (type === 'list') input.value = value.join(', ');
      else if (type === 'shares') input.value = Object.keys(value).map((k) => k + ': ' + value[k]).join('; ');
      else input.value = String(value);
    });
  }

  function fill(poll) {
    const top = Object.assign({}, poll, { pollster: poll.pollster && poll.pollster.slug ? poll.pollster.slug : poll.pollster });
    form.querySelectorAll('[data-field]').forEach((input) => {
      if (input.closest('.question')) return;
      const value = top[input.dataset.field];
      if (input.dataset.type === 'boolean') input.checked = value === true;
      else input.value = value === undefined || value === null ? '' : String(value);
    });
    questions.replaceChildren();
    (poll.questions || []).forEach((q) => addQuestion(q));
    if (!questions.children.length) addQuestion();
    clearProblems();
  }

  // --- problems next to their fields -----------------------------------------------------------------
  function clearProblems() {
    $('problem').hidden = true;
    $('problem-list').replaceChildren();
    form.querySelectorAll('[data-error-for]').forEach((slot) => { slot.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach((input) => {
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-describedby');
    });
  }

  function slotFor(field) {
    const slots = new Map();
    form.querySelectorAll('[data-error-for]').forEach((slot) => slots.set(pathOf(slot, slot.dataset.errorFor), slot));
    // questions[0].subgroups[1].percentages[Yes] is shown at the shares field, questions[0] at its question
    for (let path = field; path; path = path.replace(/(\.[^.[\]]+|\[[^\]]*\])$/, '')) {
      if (slots.has(path)) return slots.get(path);
      if (!/(\.[^.[\]]+|\[[^\]]*\])$/.test(path)) break;
    }
    return null;
  }

  function showProblem(answer) {
    clearProblems();
    const problem = answer.json || {};
    $('problem-title').textContent = (problem.title || 'Refused') + ' (' + answer.status + ')'
      + (problem.detail ? ': ' + problem.detail : '');
    (problem.errors || []).forEach((error) => {
      const slot = slotFor(error.field || '');
      const item = document.createElement('li');
      if (slot) {
        slot.textContent = (slot.textContent ? slot.textContent + '; ' : '') + error.message;
        const container = slot.closest('.field, td');
        const input = container ? container.querySelector('input, textarea, select') : null;
        if (input) {
          input.setAttribute('aria-invalid', 'true');
          input.setAttribute('aria-describedby', slot.id);
          const link = document.createElement('a');
          link.href = '#' + input.id;
          link.textContent = error.field + ': ' + error.message;
          item.append(link);
        }
      }
      if (!item.firstChild) item.textContent = error.field + ': ' + error.message;
      $('problem-list').append(item);
    });
    $('problem').hidden = false;
    $('problem').focus();
  }

  // --- preview, submit, revise -----------------------------------------------------------------------
  const VERDICTS = { lead: 'A real lead', statistical_tie: 'A statistical tie', unknown_sample_size: 'Sample size unknown',
    not_applicable: 'No lead test' };

  $('preview-button').addEventListener('click', () => {
    $('submit-status').textContent = 'Computing the lead verdicts…';
    api('POST', '/comparisons/lead-preview', documentOf()).then((answer) => {
      const preview = $('preview');
      preview.replaceChildren();
      if (!answer.ok) { $('submit-status').textContent = ''; showProblem(answer); return; }
      clearProblems();
      const heading = document.createElement('h3');
      heading.textContent = 'What the poll page will say';
      const list = document.createElement('ul');
      list.className = 'previews';
      answer.json.forEach((p) => {
        const item = document.createElement('li');
        item.className = 'verdict';
        const title = document.createElement('strong');
        title.textContent = 'Question ' + (p.question + 1) + ' · ' + (VERDICTS[p.verdict] || p.verdict) + ': ';
        item.append(title, document.createTextNode(p.summary));
        list.append(item);
      });
      preview.append(heading, list);
      $('submit-status').textContent = 'Preview ready; nothing was stored.';
    }).catch(failed);
  });

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const doc = documentOf();
    let request;
    if (editing) {
      const reason = $('revision-reason').value.trim();
      request = api('PUT', '/polls/' + editing.id + (reason ? '?reason=' + encodeURIComponent(reason) : ''), doc,
        { 'If-Match': editing.etag || '*' });
    } else {
      request = api('POST', '/polls', doc);
    }
    $('submit-status').textContent = editing ? 'Revising…' : 'Submitting…';
    request.then((answer) => {
      if (!answer.ok) { $('submit-status').textContent = ''; showProblem(answer); return; }
      clearProblems();
      const poll = answer.json;
      $('submit-status').replaceChildren(document.createTextNode(
        (editing ? 'Revised: poll ' : 'Stored: poll ') + poll.id + ', version ' + poll.version + '. '));
      const link = document.createElement('a');
      link.href = '/dashboard/polls/' + poll.id;
      link.textContent = 'See its page';
      $('submit-status').append(link);
      stopEditing();
      $('mine-pollster').value = poll.pollster.slug;
      listMine();
    }).catch(failed);
  });

  function failed() { $('submit-status').textContent = 'The service could not be reached; nothing was sent or the answer was lost.'; }

  function startEditing(id) {
    api('GET', '/polls/' + id).then((answer) => {
      if (!answer.ok) { showProblem(answer); return; }
      editing = { id, etag: answer.etag, version: answer.json.version };
      fill(answer.json);
      $('editing-id').textContent = String(id);
      $('editing-version').textContent = String(answer.json.version);
      $('editing').hidden = false;
      $('revision-reason-field').hidden = false;
      $('submit-button').textContent = 'Revise the poll';
      $('poll-heading').scrollIntoView();
      $('f-pollster').focus();
    });
  }
  function stopEditing() {
    editing = null;
    $('editing').hidden = true;
    $('revision-reason-field').hidden = true;
    $('revision-reason').value = '';
    $('submit-button').textContent = 'Submit the poll';
  }
  $('editing-cancel').addEventListener('click', () => { stopEditing(); fill({}); });

  // --- the pollster's own polls ------------------------------------------------------------------------
  function listMine(note) {
    const slugValue = $('mine-pollster').value.trim();
    if (!slugValue) return;
    api('GET', '/pollsters/' + encodeURIComponent(slugValue) + '/polls?includeRetracted=true&size=50').then((answer) => {
      const body = $('mine-table').querySelector('tbody');
      body.replaceChildren();
      if (!answer.ok) {
        $('mine-status').textContent = (answer.json && answer.json.detail) || ('HTTP ' + answer.status);
        $('mine-table').hidden = true;
        return;
      }
      $('mine-status').textContent = (note ? note + ' ' : '') + answer.json.total + ' polls.';
      answer.json.items.forEach((poll) => {
        const row = document.createElement('tr');
        if (poll.status === 'retracted') row.className = 'retracted';
        const cells = [0, 1, 2, 3].map(() => document.createElement('td'));
        const link = document.createElement('a');
        link.href = '/dashboard/polls/' + poll.id;
        link.textContent = 'Poll ' + poll.id + (poll.questions && poll.questions[0] ? ': ' + poll.questions[0].wording : '');
        cells[0].append(link);
        cells[1].textContent = poll.fieldStart + ' – ' + poll.fieldEnd;
        cells[2].textContent = poll.status;
        if (poll.status !== 'retracted') {
          cells[3].append(button('Revise', 'Revise poll ' + poll.id, () => startEditing(poll.id)), ' ',
            button('Retract', 'Retract poll ' + poll.id, () => askRetraction(poll.id)));
        }
        row.append(...cells);
        body.append(row);
      });
      $('mine-table').hidden = false;
    }).catch(() => { $('mine-status').textContent = 'The service could not be reached.'; });
  }
  function button(text, label, action) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.setAttribute('aria-label', label);
    b.addEventListener('click', action);
    return b;
  }
  $('mine-form').addEventListener('submit', (e) => { e.preventDefault(); listMine(); });
  // the pollster typed in the form is the one whose polls are listed, unless one was asked for
  $('f-pollster').addEventListener('change', () => {
    if (!$('mine-pollster').value.trim()) { $('mine-pollster').value = $('f-pollster').value.trim(); }
  });

  let retracting = null;
  function askRetraction(id) {
    retracting = id;
    $('retract-id').textContent = String(id);
    $('retract-form').hidden = false;
    $('retract-reason').focus();
  }
  $('retract-cancel').addEventListener('click', () => { $('retract-form').hidden = true; retracting = null; });
  $('retract-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const slot = $('retract-form').querySelector('[data-error-for]');
    api('DELETE', '/polls/' + retracting + '?reason=' + encodeURIComponent($('retract-reason').value.trim()))
      .then((answer) => {
        if (!answer.ok) {
          const errors = (answer.json && answer.json.errors) || [];
          slot.textContent = errors.length ? errors.map((x) => x.message).join('; ')
            : ((answer.json && (answer.json.detail || answer.json.title)) || 'HTTP ' + answer.status);
          $('retract-reason').setAttribute('aria-invalid', 'true');
          $('retract-reason').setAttribute('aria-describedby', slot.id = 'e-retract-reason');
          return;
        }
        slot.textContent = '';
        $('retract-reason').removeAttribute('aria-invalid');
        $('retract-reason').value = '';
        $('retract-form').hidden = true;
        listMine('Poll ' + retracting + ' retracted.');
      });
  });

  // --- CSV: the columns of GET /polls as text/csv, one poll ------------------------------------------
  function parseCsv(text) {
    const rows = [];
    let row = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
        else if (c === '"') quoted = false;
        else field += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') { row.push(field); field = ''; }
      else if (c === '\n' || c === '\r') {
        if (c === '\r' && text[i + 1] === '\n') i++;
        row.push(field); field = '';
        if (row.length > 1 || row[0] !== '') rows.push(row);
        row = [];
      } else field += c;
    }
    if (field !== '' || row.length) { row.push(field); rows.push(row); }
    return rows;
  }

  function pollFromCsv(text) {
    const rows = parseCsv(text.replace(/^\uFEFF/, ''));
    if (rows.length < 2) throw new Error('the file has no data row under its header');
    const header = rows[0].map((h) => h.trim().toLowerCase());
    const column = (row, name) => { const i = header.indexOf(name); return i < 0 ? '' : (row[i] || '').trim(); };
    for (const required of ['question_wording', 'option_label', 'percentage']) {
      if (header.indexOf(required) < 0) throw new Error('the header has no column ' + required);
    }
    const firstPoll = column(rows[1], 'poll_id');
    const data = rows.slice(1).filter((r) => column(r, 'poll_id') === firstPoll);
    const first = data[0];
    const number = (v) => (v === '' ? undefined : (/^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v));
    const poll = {
      pollster: column(first, 'pollster'), sponsor: column(first, 'sponsor') || undefined,
      fieldStart: column(first, 'field_start'), fieldEnd: column(first, 'field_end'),
      publishedOn: column(first, 'published_on') || undefined, population: column(first, 'population') || 'adults',
      country: column(first, 'country'), mode: column(first, 'mode') || undefined,
      sampleSize: number(column(first, 'sample_size')), marginOfError: number(column(first, 'margin_of_error')),
      questions: [],
    };
    const byQuestion = new Map();
    data.forEach((r) => {
      const id = column(r, 'question_id') || column(r, 'question_wording');
      if (!byQuestion.has(id)) {
        const topics = column(r, 'question_topics');
        const question = { wording: column(r, 'question_wording'), topics: topics ? topics.split(';').map((t) => t.trim()) : undefined, options: [] };
        byQuestion.set(id, question);
        poll.questions.push(question);
      }
      byQuestion.get(id).options.push({ label: column(r, 'option_label'), percentage: number(column(r, 'percentage')) });
    });
    return { poll, polls: new Set(rows.slice(1).map((r) => column(r, 'poll_id'))).size };
  }

  $('csv-file').addEventListener('change', () => {
    const file = $('csv-file').files[0];
    if (!file) return;
    file.text().then((text) => {
      try {
        const read = pollFromCsv(text);
        stopEditing();
        fill(read.poll);
        $('csv-status').textContent = 'Read ' + read.poll.questions.length + ' questions from ' + file.name
          + (read.polls > 1 ? ' (the first of its ' + read.polls + ' polls)' : '') + '. Check the form, then preview or submit.';
      } catch (error) {
        $('csv-status').textContent = 'Could not read ' + file.name + ': ' + error.message + '.';
      }
    });
  });

  addQuestion();
})();
