// Directory import: shows upload progress for large files. Without JavaScript the form
// posts normally and the server redirects to the preview.
(() => {
  const form = document.getElementById('import-form');
  if (!form || !window.XMLHttpRequest || !window.FormData) {
    return;
  }
  const input = form.querySelector('input[type=file]');
  const submit = form.querySelector('button[type=submit]');
  const box = document.getElementById('import-progress');
  const bar = box.querySelector('progress');
  const text = document.getElementById('import-progress-text');
  const problem = document.getElementById('import-client-error');

  const fail = (message) => {
    problem.textContent = message;
    problem.hidden = false;
    box.hidden = true;
    submit.disabled = false;
  };

  form.addEventListener('submit', (event) => {
    const file = input.files[0];
    if (!file) {
      return;
    }
    event.preventDefault();
    problem.hidden = true;
    if (file.size > Number(form.dataset.maxBytes)) {
      fail(form.dataset.tooLarge);
      return;
    }
    const request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.setRequestHeader('X-Upload-Progress', '1');
    request.upload.addEventListener('progress', (progress) => {
      if (progress.lengthComputable) {
        const percent = Math.round((progress.loaded * 100) / progress.total);
        bar.value = percent;
        text.textContent = form.dataset.uploading.replace('{0}', percent);
      }
    });
    request.upload.addEventListener('load', () => {
      bar.removeAttribute('value');
      text.textContent = form.dataset.checking;
    });
    request.addEventListener('load', () => {
      if (request.status === 200 && request.responseText.startsWith('/')) {
        window.location.assign(request.responseText);
      } else {
        fail(form.dataset.failed);
      }
    });
    request.addEventListener('error', () => fail(form.dataset.failed));
    box.hidden = false;
    submit.disabled = true;
    bar.value = 0;
    text.textContent = form.dataset.uploading.replace('{0}', 0);
    request.send(new FormData(form));
  });
})();
