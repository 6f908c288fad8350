// The check page: upload the chosen or dropped file with fetch(), show the
// fragment the server draws, and download the workbook on demand. The file
// stays in the browser's memory only while the page shows its results.
'use strict';
(function () {
  const texts = JSON.parse(document.getElementById('texts').textContent);
  const lang = document.body.dataset.lang;
  const max = Number(document.body.dataset.max);
  const form = document.getElementById('upload');
  const input = document.getElementById('file');
  const status = document.getElementById('status');
  const result = document.getElementById('result');
  const xlsx = document.getElementById('xlsx');
  let current = null;

  function fill(s, arg) { return s.replace('%s', arg); }

  function setStatus(text, cls) {
    status.textContent = text;
    status.className = 'status' + (cls ? ' ' + cls : '');
    document.body.classList.toggle('busy', cls === 'busy');
  }

  function post(path, file) {
    const body = new FormData();
    body.append('file', file, file.name);
    return fetch(path + '?lang=' + encodeURIComponent(lang), { method: 'POST', body: body });
  }

  async function errorOf(resp) {
    try {
      const j = await resp.json();
      if (j && j.error) return j.error;
    } catch (e) { /* not JSON */ }
    return fill(texts.failed, resp.status + ' ' + resp.statusText);
  }

  async function check(file) {
    current = null;
    xlsx.hidden = true;
    result.replaceChildren();
    if (file.size > max) {
      setStatus(texts.tooLarge, 'err');
      return;
    }
    setStatus(fill(texts.checking, file.name), 'busy');
    let resp;
    try {
      resp = await post('/api/check.html', file);
    } catch (e) {
      setStatus(texts.offline, 'err');
      return;
    }
    if (!resp.ok) {
      setStatus(await errorOf(resp), 'err');
      return;
    }
    result.innerHTML = await resp.text(); // drawn and escaped by the server
    for (const t of result.querySelectorAll('table.grid')) {
      const wrap = document.createElement('div');
      wrap.className = 'grid-wrap';
      t.replaceWith(wrap);
      wrap.appendChild(t);
    }
    current = file;
    xlsx.hidden = false;
    setStatus(fill(texts.done, file.name), '');
  }

  async function download() {
    if (!current) return;
    xlsx.disabled = true;
    try {
      const resp = await post('/api/check.xlsx', current);
      if (!resp.ok) {
        setStatus(await errorOf(resp), 'err');
        return;
      }
      const blob = await resp.blob();
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = current.name.replace(/\.[^.]*$/, '') + '-' + texts.xlsxSuffix + '.xlsx';
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
    } catch (e) {
      setStatus(texts.offline, 'err');
    } finally {
      xlsx.disabled = false;
    }
  }

  input.addEventListener('change', function () {
    const f = input.files[0];
    input.value = ''; // choosing the same file again checks it again
    if (f) check(f);
  });
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  xlsx.addEventListener('click', download);

  // A file dropped anywhere on the page is checked, never opened by the
  // browser in place of the page.
  let depth = 0;
  document.addEventListener('dragenter', function (e) { e.preventDefault(); depth++; form.classList.add('over'); });
  document.addEventListener('dragleave', function () { if (--depth <= 0) { depth = 0; form.classList.remove('over'); } });
  document.addEventListener('dragover', function (e) { e.preventDefault(); });
  document.addEventListener('drop', function (e) {
    e.preventDefault();
    depth = 0;
    form.classList.remove('over');
    const files = e.dataTransfer ? e.dataTransfer.files : [];
    if (files.length > 1) { setStatus(texts.oneFile, 'err'); return; }
    if (files.length === 1) check(files[0]);
  });
})();
