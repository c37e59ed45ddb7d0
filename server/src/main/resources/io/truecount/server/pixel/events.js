// Truecount first-party pixel: the ttq API of TikTok's snippet, sending to the Truecount that served it.
// Hand-written, dependency-free. Served with whole-line comments and indentation stripped.
// Never throws into the host page: every public method is guarded.
(function (w, d, cfg) {
  'use strict';
  var name = w.TiktokAnalyticsObject || 'ttq';
  var q = w[name] = w[name] || [];
  var script = d.currentScript;
  cfg.endpoint = endpointOf(script && script.src);
  if (q._tc) {
    q._tc.add(cfg);
    return;
  }
  var METHODS = ['page', 'track', 'identify', 'instances', 'debug', 'on', 'off', 'once', 'ready', 'alias', 'group',
    'enableCookie', 'disableCookie', 'holdConsent', 'revokeConsent', 'grantConsent'];
  var DAY = 864e5;
  var pixels = {};
  var order = [];
  var identity = {};
  var listeners = {};
  var held = [];
  var outbox = {};
  var state = {cookies: true, consent: 'none', debug: false, ready: false, chain: Promise.resolve(), flushTimer: 0};
  var defaults = cfg;

  function log(kind, message, detail) {
    if (state.debug && w.console) {
      (console[kind] || console.log).call(console, '[truecount] ' + message, detail === undefined ? '' : detail);
    }
  }

  function guard(fn) {
    return function () {
      try {
        return fn.apply(this, arguments);
      } catch (e) {
        log('warn', 'ignored a failing call', e);
      }
    };
  }

  function endpointOf(src) {
    try {
      var url = new URL(src, w.location.href);
      var at = url.pathname.indexOf('/static/pixel/');
      var prefix = at >= 0 ? url.pathname.slice(0, at) : url.pathname.replace(/\/[^/]*$/, '');
      return url.origin + prefix + '/api/v2/pixel';
    } catch (e) {
      return '/api/v2/pixel';
    }
  }

  // ---- cookies: first-party, on the widest domain that accepts them
  function cookie(key) {
    var parts = d.cookie ? d.cookie.split('; ') : [];
    for (var i = 0; i < parts.length; i++) {
      if (parts[i].indexOf(key + '=') === 0) {
        return decodeURIComponent(parts[i].slice(key.length + 1));
      }
    }
    return '';
  }

  var cookieDomain;
  function domain() {
    if (cookieDomain !== undefined) {
      return cookieDomain;
    }
    cookieDomain = '';
    var host = w.location.hostname;
    if (/^[\d.]+$|:/.test(host) || host.indexOf('.') < 0) {
      return cookieDomain;
    }
    var labels = host.split('.');
    for (var i = labels.length - 2; i >= 0; i--) {
      var candidate = labels.slice(i).join('.');
      d.cookie = '_tc_probe=1; path=/; domain=' + candidate;
      if (cookie('_tc_probe')) {
        d.cookie = '_tc_probe=; path=/; max-age=0; domain=' + candidate;
        return (cookieDomain = '; domain=' + candidate);
      }
    }
    return cookieDomain;
  }

  function setCookie(key, value, days) {
    var secure = w.location.protocol === 'https:' ? '; secure' : '';
    d.cookie = key + '=' + encodeURIComponent(value) + '; path=/; max-age=' + Math.round(days * 86400) + '; samesite=lax' + secure + domain();
  }

  function mayWriteCookies() {
    return state.cookies && state.consent !== 'held' && state.consent !== 'revoked';
  }

  function randomId() {
    var bytes = new Uint8Array(18);
    (w.crypto || w.msCrypto).getRandomValues(bytes);
    return btoa(String.fromCharCode.apply(null, bytes)).replace(/\+/g, '-').replace(/\//g, '_');
  }

  // _ttp: random id, 13 months, renewed on use
  function ttp() {
    if (!state.cookies) {
      return '';
    }
    var id = cookie('_ttp');
    if (!mayWriteCookies()) {
      return id;
    }
    id = id || randomId();
    setCookie('_ttp', id, 395);
    return id;
  }

  // ttclid: from the landing URL, kept for the longest click window (28 days)
  var landingTtclid = param('ttclid');
  function ttclid() {
    if (!state.cookies) {
      return landingTtclid;
    }
    if (landingTtclid && mayWriteCookies() && cookie('ttclid') !== landingTtclid) {
      setCookie('ttclid', landingTtclid, 28);
    }
    return landingTtclid || cookie('ttclid');
  }

  function param(key) {
    try {
      return new URL(w.location.href).searchParams.get(key) || '';
    } catch (e) {
      return '';
    }
  }

  // ---- identity: normalized and hashed here; raw values never leave the page
  var HEX64 = /^[0-9a-f]{64}$/i;

  function normalizeEmail(raw) {
    var email = String(raw).trim().toLowerCase();
    var at = email.indexOf('@');
    return at > 0 && at === email.lastIndexOf('@') && at < email.length - 1 && email.indexOf(' ') < 0 ? email : '';
  }

  // E.164: '+' or '00' means international; otherwise the advertiser's country code, minus a national prefix
  function normalizePhone(raw, c) {
    var text = String(raw).trim();
    var digits = text.replace(/\D/g, '');
    if (/^\(?\+/.test(text)) {
      return valid(digits);
    }
    if (digits.indexOf('00') === 0) {
      return valid(digits.slice(2));
    }
    if (!c.cc) {
      return '';
    }
    if (c.np && digits.indexOf(c.np) === 0 && digits.length - c.np.length >= 6) {
      digits = digits.slice(c.np.length);
    }
    return valid(c.cc + digits);
  }

  function valid(digits) {
    return digits.length >= 8 && digits.length <= 15 && digits.charAt(0) !== '0' ? '+' + digits : '';
  }

  function sha256(text) {
    var subtle = w.crypto && w.crypto.subtle;
    if (subtle && w.TextEncoder) {
      return subtle.digest('SHA-256', new TextEncoder().encode(text)).then(function (buffer) {
        return hex(new Uint8Array(buffer));
      });
    }
    return Promise.resolve(sha256Plain(text));
  }

  function hex(bytes) {
    var out = '';
    for (var i = 0; i < bytes.length; i++) {
      out += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    }
    return out;
  }

  // SHA-256 for pages without Web Crypto (plain http on a non-local host)
  var K;
  function sha256Plain(text) {
    if (!K) {
      K = [];
      for (var n = 2, found = 0; found < 64; n++) {
        for (var f = 2; f * f <= n && n % f; f++) {}
        if (f * f > n) {
          K[found++] = (Math.pow(n, 1 / 3) % 1) * 4294967296 | 0;
        }
      }
    }
    var bytes = unescape(encodeURIComponent(text));
    var words = [];
    var bits = bytes.length * 8;
    for (var i = 0; i < bytes.length; i++) {
      words[i >> 2] |= bytes.charCodeAt(i) << (24 - (i % 4) * 8);
    }
    words[bytes.length >> 2] |= 0x80 << (24 - (bytes.length % 4) * 8);
    words[(((bytes.length + 8) >> 6) << 4) + 15] = bits;
    var H = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    var W = [];
    for (var block = 0; block < words.length; block += 16) {
      var a = H.slice(0);
      for (var t = 0; t < 64; t++) {
        if (t < 16) {
          W[t] = words[block + t] | 0;
        } else {
          var x = W[t - 15], y = W[t - 2];
          W[t] = (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + W[t - 7]
            + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)) + W[t - 16] | 0;
        }
        var e = a[4];
        var t1 = a[7] + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7)))
          + ((e & a[5]) ^ (~e & a[6])) + K[t] + W[t];
        var b = a[0];
        var t2 = (((b >>> 2) | (b << 30)) ^ ((b >>> 13) | (b << 19)) ^ ((b >>> 22) | (b << 10)))
          + ((b & a[1]) ^ (b & a[2]) ^ (a[1] & a[2]));
        a = [(t1 + t2) | 0].concat(a.slice(0, 7));
        a[4] = (a[4] + t1) | 0;
      }
      for (var j = 0; j < 8; j++) {
        H[j] = (H[j] + a[j]) | 0;
      }
    }
    var out = [];
    for (var k = 0; k < 32; k++) {
      out.push((H[k >> 2] >>> (24 - (k % 4) * 8)) & 255);
    }
    return hex(out);
  }

  function hashAll(values, normalize) {
    var list = Array.isArray(values) ? values : (values === undefined || values === null ? [] : [values]);
    return Promise.all(list.map(function (value) {
      if (typeof value !== 'string' && typeof value !== 'number') {
        return '';
      }
      var text = String(value).trim();
      if (HEX64.test(text)) {
        return text.toLowerCase();
      }
      var normal = normalize(text);
      return normal ? sha256(normal) : '';
    })).then(function (hashes) {
      return hashes.filter(Boolean);
    });
  }

  function identify(data) {
    if (!data || typeof data !== 'object') {
      log('warn', 'identify expects an object like {email, phone_number, external_id}');
      return;
    }
    var c = defaults;
    state.chain = state.chain.then(function () {
      return Promise.all([
        hashAll(data.email !== undefined ? data.email : data.sha256_email, normalizeEmail),
        hashAll(data.phone_number !== undefined ? data.phone_number : data.sha256_phone_number, function (p) {
          return normalizePhone(p, c);
        }),
        hashAll(data.external_id, function (id) {
          return id;
        })
      ]).then(function (hashes) {
        ['email', 'phone_number', 'external_id'].forEach(function (key, i) {
          if (hashes[i].length) {
            identity[key] = hashes[i];
          }
        });
        log('log', 'identify: hashed keys', Object.keys(identity));
      });
    }).catch(function (e) {
      log('warn', 'identify failed', e);
    });
  }

  // ---- events
  function emit(kind, detail) {
    (listeners[kind] || []).slice().forEach(function (fn) {
      try {
        fn(detail);
      } catch (e) {
        log('warn', 'a listener for ' + kind + ' failed', e);
      }
    });
  }

  function on(kind, fn) {
    if (typeof fn === 'function') {
      (listeners[kind] = listeners[kind] || []).push(fn);
    }
  }

  function off(kind, fn) {
    listeners[kind] = (listeners[kind] || []).filter(function (f) {
      return fn !== undefined && f !== fn;
    });
  }

  function once(kind, fn) {
    if (typeof fn !== 'function') {
      return;
    }
    on(kind, function wrapper(detail) {
      off(kind, wrapper);
      fn(detail);
    });
  }

  function ready(fn) {
    if (typeof fn === 'function') {
      state.ready ? setTimeout(fn, 0) : once('ready', fn);
    }
  }

  function track(codes, event, properties, options) {
    if (typeof event !== 'string' || !event.trim()) {
      log('warn', 'track expects an event name, got', event);
      return;
    }
    var props;
    try {
      props = properties && typeof properties === 'object' ? JSON.parse(JSON.stringify(properties)) : undefined;
    } catch (e) {
      log('warn', 'properties are not JSON; sent without them', e);
    }
    var base = {
      event: event.trim(),
      event_id: options && options.event_id !== undefined && options.event_id !== null ? String(options.event_id) : undefined,
      properties: props,
      url: w.location.href,
      referrer: d.referrer,
      at: Date.now()
    };
    codes.forEach(function (code) {
      route({code: code, base: base});
    });
  }

  function route(item) {
    if (state.consent === 'revoked') {
      log('log', 'consent revoked: dropped ' + item.base.event);
    } else if (state.consent === 'held') {
      held.push(item);
      log('log', 'consent held: kept ' + item.base.event + ' until grantConsent()');
    } else {
      dispatch(item);
    }
  }

  function dispatch(item) {
    state.chain = state.chain.then(function () {
      var pixel = pixels[item.code];
      var base = item.base;
      var user = {};
      for (var key in identity) {
        user[key] = identity[key];
      }
      var id = ttp();
      if (id) {
        user.ttp = id;
      }
      var event = {
        type: 'track',
        event: base.event,
        event_id: base.event_id,
        at: base.at,
        context: {
          page: {url: base.url, referrer: base.referrer || undefined},
          ad: ttclid() ? {callback: ttclid()} : undefined,
          user: user,
          locale: navigator.language
        },
        properties: base.properties,
        limited_data_use: pixel.options.limited_data_use ? true : undefined
      };
      emit('track', {pixel: item.code, event: base.event, event_id: base.event_id});
      (outbox[item.code] = outbox[item.code] || []).push(event);
      if (outbox[item.code].length >= 50) {
        flush(false);
      } else if (!state.flushTimer) {
        state.flushTimer = setTimeout(function () {
          flush(false);
        }, 0);
      }
    }).catch(function (e) {
      log('warn', 'could not queue an event', e);
    });
  }

  function flush(leaving) {
    clearTimeout(state.flushTimer);
    state.flushTimer = 0;
    Object.keys(outbox).forEach(function (code) {
      var events = outbox[code];
      delete outbox[code];
      if (events.length) {
        send(code, events, leaving);
      }
    });
  }

  function send(code, events, leaving) {
    var pixel = pixels[code];
    var now = Date.now();
    events.forEach(function (event) {
      event.age_ms = Math.max(0, now - event.at);
      delete event.at;
    });
    var payload = {pixel_code: code, batch: events, test_event_code: pixel.testCode() || undefined};
    var body = JSON.stringify(payload);
    var ids = events.map(function (e) {
      return e.event_id;
    });
    log('log', 'sending ' + events.length + ' event(s) to ' + pixel.endpoint(), payload);
    if (leaving || !w.fetch) {
      var queued = navigator.sendBeacon && navigator.sendBeacon(pixel.endpoint(), new Blob([body], {type: 'text/plain'}));
      emit(queued ? 'sent' : 'error', {pixel: code, events: events.length, event_ids: ids, code: queued ? 0 : -1});
      return;
    }
    w.fetch(pixel.endpoint(), {method: 'POST', body: body, keepalive: body.length < 60000, credentials: 'omit',
      headers: {'Content-Type': 'text/plain;charset=UTF-8'}})
      .then(function (response) {
        return response.json();
      })
      .then(function (answer) {
        log(answer.code ? 'warn' : 'log', 'answer ' + answer.code + ': ' + answer.message, answer.data);
        emit(answer.code === 0 || answer.code === 20001 ? 'sent' : 'error',
          {pixel: code, events: events.length, event_ids: ids, code: answer.code, message: answer.message, data: answer.data});
      })
      .catch(function (e) {
        log('warn', 'sending failed', e);
        emit('error', {pixel: code, events: events.length, event_ids: ids, code: -1, message: String(e)});
      });
  }

  // ---- consent
  function holdConsent() {
    state.consent = 'held';
  }

  function grantConsent() {
    state.consent = 'granted';
    var release = held;
    held = [];
    release.forEach(dispatch);
  }

  function revokeConsent() {
    state.consent = 'revoked';
    log('log', 'consent revoked: dropped ' + held.length + ' held event(s)');
    held = [];
  }

  // ---- the API: global methods act on every loaded pixel, instance methods on one
  function api(codes) {
    var target = codes ? function () {
      return codes;
    } : function () {
      return order.slice();
    };
    return {
      page: function () {
        track(target(), 'Pageview');
      },
      track: function (event, properties, options) {
        track(target(), event, properties, options);
      },
      identify: identify,
      instances: function () {
        return order.map(instance);
      },
      debug: function (flag) {
        state.debug = flag !== false;
      },
      on: on,
      off: off,
      once: once,
      ready: ready,
      alias: function () {},
      group: function () {},
      enableCookie: function () {
        state.cookies = true;
      },
      disableCookie: function () {
        state.cookies = false;
      },
      holdConsent: holdConsent,
      revokeConsent: revokeConsent,
      grantConsent: grantConsent
    };
  }

  var instances = {};
  function instance(code) {
    code = String(code);
    register(code);
    if (!instances[code]) {
      var object = instances[code] = api([code]);
      wrapAll(object);
    }
    return instances[code];
  }

  function wrapAll(object) {
    METHODS.forEach(function (method) {
      object[method] = guard(object[method]);
    });
    return object;
  }

  function register(code, options) {
    code = String(code);
    if (!pixels[code]) {
      order.push(code);
      pixels[code] = {
        cfg: code === defaults.pixel ? defaults : null,
        options: options || {},
        endpoint: function () {
          return (this.cfg || defaults).endpoint;
        },
        testCode: function () {
          return this.options.test_event_code || (this.cfg || defaults).test_event_code || sessionTestCode;
        }
      };
    } else if (options) {
      pixels[code].options = options;
    }
    return pixels[code];
  }

  var sessionTestCode = '';
  try {
    sessionTestCode = param('tt_test_id') || param('test_event_code') || w.sessionStorage.getItem('_tc_test') || '';
    if (sessionTestCode) {
      w.sessionStorage.setItem('_tc_test', sessionTestCode);
    }
  } catch (e) {
    sessionTestCode = param('tt_test_id') || param('test_event_code');
  }

  function replay(calls, object) {
    for (var i = 0; i < calls.length; i++) {
      var call = calls[i];
      if (call && object[call[0]]) {
        object[call[0]].apply(object, call.slice(1));
      }
    }
  }

  // ---- start: adopt the snippet's queue, become the real ttq
  var global = wrapAll(api(null));
  var loaded = q._i || {};
  var opts = q._o || {};
  Object.keys(loaded).forEach(function (code) {
    register(code, opts[code]);
  });
  register(cfg.pixel, opts[cfg.pixel]);
  var pending = q.slice(0);
  q.length = 0;
  METHODS.forEach(function (method) {
    q[method] = global[method];
  });
  q.instance = guard(instance);
  q.load = guard(function (code, options) {
    register(code, options);
    var known = pixels[code].cfg;
    if (!known && defaults.endpoint) {
      var tag = d.createElement('script');
      tag.async = true;
      tag.src = defaults.endpoint.replace(/\/api\/v2\/pixel$/, '/static/pixel/' + defaults.v + '/events.js') + '?sdkid=' + encodeURIComponent(code) + '&lib=' + name;
      (d.head || d.documentElement).appendChild(tag);
    }
  });
  q.push = guard(function (call) {
    replay([call], global);
  });
  q._tc = {
    version: cfg.v,
    add: guard(function (more) {
      register(more.pixel).cfg = more;
    })
  };
  replay(pending, global);
  Object.keys(loaded).forEach(function (code) {
    replay(loaded[code].slice ? loaded[code].slice(0) : [], instance(code));
  });
  w.addEventListener('pagehide', guard(function () {
    flush(true);
  }));
  state.ready = true;
  setTimeout(function () {
    emit('ready', {pixels: order.slice()});
  }, 0);
})(window, document, /*CONFIG*/{});
