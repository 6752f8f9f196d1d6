// SegPref.Mesh web page: cuts a video in the browser the way `segpref segment --video` does (windows of the models'
// training length, one frame per second at the segmenter's size, 16 kHz mono audio), calls POST /v1/segment for each
// window and shows the masks over the frames with the description, cues, audio reliance and stage timings.
'use strict';

(() => {
  const $ = (id) => document.getElementById(id);
  const video = $('source');
  const state = { source: null, described: null, busy: false, swapAudio: new Map() };

  class PageError extends Error {}

  // ---- status and errors -------------------------------------------------------------------------------------------

  function setStatus(text) { $('status').textContent = text; }

  function showError(message) {
    const box = $('error');
    box.textContent = message || '';
    box.hidden = !message;
  }

  function setBusy(busy) {
    state.busy = busy;
    // 'busy' while working; segment() leaves 'done' and fail() 'error' behind.
    if (busy) document.body.dataset.state = 'busy';
    for (const el of document.querySelectorAll('#input button, #input select, #input input')) el.disabled = busy;
  }

  // ---- the gateway's REST API --------------------------------------------------------------------------------------

  function headers(json) {
    const h = {};
    if (json) h['content-type'] = 'application/json';
    const key = $('api-key').value.trim();
    if (key) h['x-api-key'] = key;
    return h;
  }

  async function api(method, path, body) {
    let response;
    try {
      response = await fetch(path, { method, headers: headers(body !== undefined), body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      throw new PageError(`${method} ${path}: could not reach the gateway (${e.message}).`);
    }
    const text = await response.text();
    if (!response.ok) throw new PageError(failure(method, path, response, text));
    try {
      return JSON.parse(text);
    } catch {
      throw new PageError(`${method} ${path}: the gateway answered ${response.status} with a body that is not JSON.`);
    }
  }

  // REST errors come as {"code": <gRPC status>, "message": "..."} from the pipeline, or as text from the gateway itself.
  function failure(method, path, response, text) {
    let message = text.trim();
    try {
      const json = JSON.parse(text);
      if (json && typeof json.message === 'string') message = json.message;
    } catch { /* plain text */ }
    const hints = {
      401: 'This gateway requires an API key: type it in the API key field and try again.',
      403: 'This API key may not call this route.',
      413: 'The request is larger than the gateway accepts (Gateway:MaxRequestBytes): try a shorter video.',
      429: 'Too many requests from this client: wait a moment and try again.',
      502: 'A service behind the gateway is not answering.',
      503: 'A service behind the gateway is not ready.',
    };
    const hint = hints[response.status] ? `\n${hints[response.status]}` : '';
    return `${method} ${path}: the gateway answered ${response.status} ${response.statusText}${message ? `: ${message}` : ''}${hint}`;
  }

  async function describe() {
    const described = await api('GET', '/v1/models');
    const select = $('segmenter');
    if (select.options.length === 1) {
      for (const s of described.segmenters || []) {
        const option = document.createElement('option');
        option.value = `${s.model.name}/${s.model.version}`;
        option.textContent = `${s.model.name}/${s.model.version} (${s.imageSize} px${s.isDefault ? ', default' : ''})`;
        select.append(option);
      }
    }
    state.described = described;
    return described;
  }

  function chosenSegmenter(described) {
    const wanted = $('segmenter').value;
    const all = described.segmenters || [];
    const pick = wanted
      ? all.find((s) => `${s.model.name}/${s.model.version}` === wanted)
      : all.filter((s) => s.isDefault).sort((a, b) => Number(b.model.version) - Number(a.model.version))[0];
    if (!pick) throw new PageError(`The gateway serves no segmenter ${wanted || '(no default)'}.`);
    return pick;
  }

  // ---- cutting the video: frames (video element + canvas) and audio (OfflineAudioContext) ---------------------------

  function waitFor(target, event) {
    return new Promise((resolve, reject) => {
      const ok = () => { cleanup(); resolve(); };
      const bad = () => { cleanup(); reject(new PageError(videoError())); };
      const cleanup = () => { target.removeEventListener(event, ok); target.removeEventListener('error', bad); };
      target.addEventListener(event, ok, { once: true });
      target.addEventListener('error', bad, { once: true });
    });
  }

  function videoError() {
    const codes = { 1: 'loading was aborted', 2: 'a network error', 3: 'the file could not be decoded', 4: 'the format or codec is not supported by this browser' };
    return `This video cannot be read: ${codes[video.error?.code] || 'unknown error'}${video.error?.message ? ` (${video.error.message})` : ''}.`;
  }

  async function seek(time) {
    const seeked = waitFor(video, 'seeked');
    video.currentTime = time;
    await seeked;
  }

  function pngBase64(canvas) {
    return canvas.toDataURL('image/png').slice('data:image/png;base64,'.length);
  }

  async function extractFrames(name, size, onProgress) {
    const duration = video.duration;
    if (!Number.isFinite(duration) || duration <= 0) throw new PageError(`${name}: the duration is 0 s (or unknown): nothing to segment.`);
    if (!video.videoWidth || !video.videoHeight) throw new PageError(`${name}: no video stream (a picture is needed in every second).`);
    // One frame per started second, the last of each second, as `segpref segment --video` takes them.
    const seconds = Math.max(1, Math.ceil(duration - 1e-3));
    const displayWidth = 192;
    const displayHeight = Math.max(1, Math.round(displayWidth * video.videoHeight / video.videoWidth));
    const frames = [];
    for (let second = 0; second < seconds; second++) {
      await seek(Math.max(0, Math.min(second + 0.96, duration - 0.02)));
      const model = document.createElement('canvas');
      model.width = size;
      model.height = size;
      model.getContext('2d').drawImage(video, 0, 0, size, size);
      const display = document.createElement('canvas');
      display.width = displayWidth;
      display.height = displayHeight;
      display.getContext('2d').drawImage(video, 0, 0, displayWidth, displayHeight);
      frames.push({ second, png: pngBase64(model), display });
      onProgress(second + 1, seconds);
    }
    return frames;
  }

  async function decodeAudio(name, bytes, rate, seconds) {
    const context = new OfflineAudioContext(1, Math.max(1, Math.round(seconds * rate)), rate);
    let decoded;
    try {
      decoded = await context.decodeAudioData(bytes);
    } catch (e) {
      throw new PageError(`${name}: no audio stream this browser can decode (${e.message || e.name}). The model needs the sound of the video.`);
    }
    // Rendering into one channel at the model's rate: downmixed to mono and resampled by WebAudio.
    const source = context.createBufferSource();
    source.buffer = decoded;
    source.connect(context.destination);
    source.start(0);
    return (await context.startRendering()).getChannelData(0);
  }

  async function loadSource(name, blob) {
    showError('');
    setBusy(true);
    try {
      setStatus(`${name}: asking the gateway which models it serves`);
      const described = await describe();
      const segmenter = chosenSegmenter(described);
      const rate = described.audioSampleRateHz || 16000;
      if (video.src) URL.revokeObjectURL(video.src);
      const loaded = waitFor(video, 'loadeddata');
      video.src = URL.createObjectURL(blob);
      await loaded;
      const frames = await extractFrames(name, segmenter.imageSize, (i, n) => setStatus(`${name}: frame ${i}/${n} (one per second, ${segmenter.imageSize}x${segmenter.imageSize})`));
      setStatus(`${name}: decoding the audio to ${rate} Hz mono`);
      const audio = await decodeAudio(name, await blob.arrayBuffer(), rate, frames.length);
      state.source = { name, blob, frames, audio, rate, size: segmenter.imageSize, width: video.videoWidth, height: video.videoHeight, duration: video.duration };
      $('runs').replaceChildren();
      await segment(audioMode());
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  // ---- the audio switch ------------------------------------------------------------------------------------------

  function audioMode() { return $('audio-mode').value; }

  async function audioFor(mode) {
    const { audio, rate } = state.source;
    if (mode === 'muted') return { samples: new Float32Array(audio.length), label: 'muted audio' };
    if (mode !== 'swapped') return { samples: audio, label: 'its own audio' };
    const url = $('swap-with').value;
    if (!state.swapAudio.has(url)) {
      const response = await fetch(url);
      if (!response.ok) throw new PageError(`${url}: ${response.status} ${response.statusText}`);
      state.swapAudio.set(url, await decodeAudio(url, await response.arrayBuffer(), rate, state.source.frames.length));
    }
    // The other clip's sound, repeated to the length of this one.
    const other = state.swapAudio.get(url);
    const samples = new Float32Array(audio.length);
    for (let i = 0; i < samples.length; i++) samples[i] = other[i % other.length];
    return { samples, label: `the sound of ${url.split('/').pop()}` };
  }

  // ---- segmenting window by window ---------------------------------------------------------------------------------

  function wavBase64(samples, rate) {
    const bytes = new ArrayBuffer(44 + samples.length * 2);
    const view = new DataView(bytes);
    const text = (offset, s) => { for (let i = 0; i < s.length; i++) view.setUint8(offset + i, s.charCodeAt(i)); };
    text(0, 'RIFF'); view.setUint32(4, 36 + samples.length * 2, true); text(8, 'WAVE');
    text(12, 'fmt '); view.setUint32(16, 16, true); view.setUint16(20, 1, true); view.setUint16(22, 1, true);
    view.setUint32(24, rate, true); view.setUint32(28, rate * 2, true); view.setUint16(32, 2, true); view.setUint16(34, 16, true);
    text(36, 'data'); view.setUint32(40, samples.length * 2, true);
    for (let i = 0; i < samples.length; i++) view.setInt16(44 + i * 2, Math.round(Math.max(-1, Math.min(1, samples[i])) * 32767), true);
    const all = new Uint8Array(bytes);
    let binary = '';
    for (let i = 0; i < all.length; i += 0x8000) binary += String.fromCharCode.apply(null, all.subarray(i, i + 0x8000));
    return btoa(binary);
  }

  async function segment(mode) {
    const source = state.source;
    const described = state.described || await describe();
    const segmenter = $('segmenter').value;
    const windowSeconds = Math.max(1, described.windowFrames || 5);
    const { samples, label } = await audioFor(mode);
    const windows = Math.ceil(source.frames.length / windowSeconds);
    const results = [];
    const timings = new Map();
    const started = performance.now();
    let models = [];
    let degraded = '';
    for (let w = 0; w < windows; w++) {
      const frames = source.frames.slice(w * windowSeconds, (w + 1) * windowSeconds);
      const from = w * windowSeconds * source.rate;
      const slice = new Float32Array(frames.length * source.rate);
      slice.set(samples.subarray(from, Math.min(samples.length, from + slice.length)));
      const request = {
        frames: frames.map((f) => ({ data: f.png, format: 'png' })),
        audio: { wav: wavBase64(slice, source.rate) },
        audioReliance: true,
      };
      if (segmenter) {
        const [name, version] = segmenter.split('/');
        request.segmenter = { name, version };
      }
      setStatus(`${source.name} with ${label}: window ${w + 1}/${windows} (${frames[0].second}-${frames[0].second + frames.length} s)`);
      const t0 = performance.now();
      const reply = await api('POST', '/v1/segment', request);
      const roundTrip = performance.now() - t0;
      timings.set('round trip (browser)', (timings.get('round trip (browser)') || 0) + roundTrip);
      for (const t of reply.timings || []) timings.set(t.stage, (timings.get(t.stage) || 0) + (t.milliseconds || 0));
      models = reply.models || models;
      if (reply.degraded) degraded = reply.degradedReason || 'degraded';
      for (const frame of reply.frames || []) results.push({ frame, source: frames[frame.index || 0] });
    }
    await render(mode, label, results, timings, windows, models, degraded, performance.now() - started);
    document.body.dataset.state = 'done';
    setStatus(`${source.name}: ${source.frames.length} s in ${windows} window(s) segmented with ${label} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  }

  // ---- showing the results ---------------------------------------------------------------------------------------

  function loadImage(src) {
    return new Promise((resolve, reject) => {
      const img = new Image();
      img.onload = () => resolve(img);
      img.onerror = () => reject(new PageError('A mask PNG in the reply could not be decoded.'));
      img.src = src;
    });
  }

  // The frame with its mask tinted over it; returns the mask's foreground pixel count.
  async function drawOverlay(canvas, display, mask) {
    const img = await loadImage(`data:image/png;base64,${mask.png}`);
    const tint = document.createElement('canvas');
    tint.width = img.width;
    tint.height = img.height;
    const t = tint.getContext('2d');
    t.drawImage(img, 0, 0);
    const pixels = t.getImageData(0, 0, img.width, img.height);
    let on = 0;
    for (let i = 0; i < pixels.data.length; i += 4) {
      const sounding = pixels.data[i] > 127;
      on += sounding ? 1 : 0;
      pixels.data[i] = 233; pixels.data[i + 1] = 30; pixels.data[i + 2] = 99; pixels.data[i + 3] = sounding ? 150 : 0;
    }
    t.putImageData(pixels, 0, 0);
    canvas.width = display.width;
    canvas.height = display.height;
    const c = canvas.getContext('2d');
    c.drawImage(display, 0, 0);
    c.imageSmoothingEnabled = true;
    c.drawImage(tint, 0, 0, canvas.width, canvas.height);
    return { on, total: img.width * img.height };
  }

  function element(tag, className, text) {
    const el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  async function render(mode, label, results, timings, windows, models, degraded, elapsed) {
    const source = state.source;
    const section = element('section', 'run');
    section.dataset.mode = mode;
    section.append(element('h2', '', `${source.name} with ${label}`));
    section.append(element('p', 'meta', `${source.frames.length} s, ${source.width}x${source.height}, ${windows} window(s); models: ${models.map((m) => `${m.role} ${m.name}/${m.version}`).join(', ')}; ${(elapsed / 1000).toFixed(1)} s in all`));
    if (degraded) section.append(element('p', 'degraded', `Degraded: ${degraded}`));
    const grid = element('div', 'frames');
    const reliances = [];
    for (const { frame, source: input } of results) {
      const figure = element('figure', 'frame');
      const canvas = element('canvas', 'overlay');
      const { on, total } = await drawOverlay(canvas, input.display, frame.mask || {});
      figure.dataset.second = String(input.second);
      figure.dataset.maskPixels = String(on);
      const caption = element('figcaption');
      caption.append(element('div', '', `${input.second} s · mask ${(100 * on / total).toFixed(1)}%`));
      caption.append(element('div', 'description', frame.description || '(no description)'));
      const cues = element('div', 'cues');
      for (const cue of frame.cues || []) cues.append(element('span', 'cue', cue));
      caption.append(cues);
      const reliance = element('div', 'reliance');
      if (typeof frame.audioReliance === 'number') {
        reliances.push(frame.audioReliance);
        reliance.append(element('span', '', `audio reliance ${frame.audioReliance.toFixed(2)}`));
        const bar = element('div', 'bar');
        const fill = element('div');
        fill.style.width = `${Math.round(100 * Math.max(0, Math.min(1, frame.audioReliance)))}%`;
        bar.append(fill);
        reliance.append(bar);
      } else {
        reliance.append(element('span', '', 'audio reliance not reported by this segmenter'));
      }
      caption.append(reliance);
      figure.append(canvas, caption);
      grid.append(figure);
    }
    section.append(grid);
    section.dataset.meanReliance = reliances.length ? String(reliances.reduce((a, b) => a + b, 0) / reliances.length) : '';
    const table = element('table', 'timings');
    const head = element('tr');
    head.append(element('th', '', 'stage'), element('th', '', 'ms per window'));
    table.append(head);
    for (const [stage, ms] of timings) {
      const row = element('tr');
      row.dataset.stage = stage;
      row.append(element('td', '', stage), element('td', '', (ms / windows).toFixed(1)));
      table.append(row);
    }
    section.append(table);
    // The newest run first; one section per audio mode, so that the runs can be compared.
    $('runs').querySelector(`section.run[data-mode="${mode}"]`)?.remove();
    $('runs').prepend(section);
  }

  function fail(e) {
    document.body.dataset.state = 'error';
    setStatus('');
    showError(e instanceof PageError ? e.message : `Unexpected error: ${e && e.message ? e.message : e}`);
  }

  // ---- wiring ------------------------------------------------------------------------------------------------------

  const examples = [...document.querySelectorAll('#examples button')];
  for (const button of examples) {
    const option = document.createElement('option');
    option.value = button.dataset.example;
    option.textContent = button.textContent;
    $('swap-with').append(option);
    button.addEventListener('click', async () => {
      if (state.busy) return;
      let response;
      try {
        response = await fetch(button.dataset.example);
        if (!response.ok) throw new PageError(`${button.dataset.example}: ${response.status} ${response.statusText}`);
      } catch (e) {
        fail(e);
        return;
      }
      // Swap with a different example by default.
      const other = examples.find((b) => b !== button);
      if (other && $('swap-with').value === button.dataset.example) $('swap-with').value = other.dataset.example;
      await loadSource(button.dataset.example.split('/').pop(), await response.blob());
    });
  }

  $('file').addEventListener('change', async (e) => {
    const file = e.target.files[0];
    if (file && !state.busy) await loadSource(file.name, file);
  });

  const rerun = async () => {
    if (!state.source || state.busy) return;
    showError('');
    setBusy(true);
    try {
      await segment(audioMode());
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  $('audio-mode').addEventListener('change', rerun);
  $('swap-with').addEventListener('change', () => { if (audioMode() === 'swapped') rerun(); });
  // Another segmenter may work at another frame size: cut the video again for it.
  $('segmenter').addEventListener('change', () => { if (state.source && !state.busy) loadSource(state.source.name, state.source.blob); });

  const savedKey = window.localStorage.getItem('segpref-api-key');
  if (savedKey) $('api-key').value = savedKey;
  $('api-key').addEventListener('change', () => window.localStorage.setItem('segpref-api-key', $('api-key').value.trim()));
  document.body.dataset.state = 'idle';
  setStatus('Pick a video or an example.');
})();
