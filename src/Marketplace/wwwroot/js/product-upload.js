// Uploads a product file through the API with a progress bar and a cancel button, then reloads the editor.
(() => {
  const panel = document.querySelector('[data-upload-panel]');
  if (!panel) return;
  const progress = panel.querySelector('.upload-progress');
  const bar = progress.querySelector('progress');
  const percent = progress.querySelector('.upload-percent');
  const name = progress.querySelector('.upload-name');
  const cancel = progress.querySelector('.upload-cancel');
  const message = panel.querySelector('.upload-message');
  let current = null;

  const explain = (xhr) => {
    try {
      const problem = JSON.parse(xhr.responseText);
      const fieldErrors = problem.errors ? Object.values(problem.errors).flat() : [];
      return fieldErrors.length ? fieldErrors.join(' ') : (problem.detail || problem.title);
    } catch { return `The upload failed (${xhr.status}).`; }
  };

  const upload = (input) => {
    const file = input.files[0];
    if (!file || current) return;
    const form = new FormData();
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    current = xhr;
    xhr.open(input.dataset.method, input.dataset.upload);
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    name.textContent = file.name;
    bar.value = 0;
    percent.textContent = '0%';
    message.textContent = '';
    progress.hidden = false;
    xhr.upload.onprogress = (e) => {
      if (!e.lengthComputable) return;
      const done = Math.floor((e.loaded / e.total) * 100);
      bar.value = done;
      percent.textContent = `${done}%`;
    };
    const finish = (text) => { current = null; progress.hidden = true; input.value = ''; message.textContent = text || ''; };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        percent.textContent = '100%';
        window.location.reload();
      } else {
        finish(explain(xhr));
      }
    };
    xhr.onerror = () => finish('The connection broke off; nothing was stored. Try again.');
    xhr.onabort = () => finish('Upload cancelled; nothing was stored.');
    xhr.send(form);
  };

  cancel.addEventListener('click', () => current && current.abort());
  document.querySelectorAll('input[type=file][data-upload]').forEach((input) => input.addEventListener('change', () => upload(input)));
})();
