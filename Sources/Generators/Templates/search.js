/* 事项搜索: filters the catalog's items and 一件事 by name, code and material name. Plain
   ES5, no libraries. The index comes from search-index.js (a script setting
   window.ZHINAN_SEARCH_INDEX, which loads from file:// too); failing that from
   search-index.json, and failing that from the names and codes listed on the page. A query
   of several words (食品 许可) finds what holds every word. Results use textContent only. */
(function () {
  'use strict';
  var box = document.getElementById('search');
  if (!box || !document.querySelectorAll || !box.addEventListener) { return; }
  var input = document.getElementById('search-input');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var items = [];
  var MAX = 50;

  function norm(s) { return String(s || '').toLowerCase(); }

  function fromPage() {
    var links = document.querySelectorAll('#by-agency a.entry'), out = [], i;
    for (i = 0; i < links.length; i++) {
      out.push({ name: links[i].textContent, code: links[i].getAttribute('data-code'),
        url: links[i].getAttribute('href'), materials: [] });
    }
    return out;
  }

  /* Every word of the query is in the name, the code or a material name. */
  function matches(it, words) {
    var k, j, found, mats = [], seen;
    for (k = 0; k < words.length; k++) {
      found = norm(it.name).indexOf(words[k]) >= 0 || norm(it.code).indexOf(words[k]) >= 0;
      for (j = 0; it.materials && j < it.materials.length; j++) {
        if (norm(it.materials[j]).indexOf(words[k]) >= 0) {
          found = true;
          seen = false;
          for (var m = 0; m < mats.length; m++) { if (mats[m] === it.materials[j]) { seen = true; } }
          if (!seen) { mats.push(it.materials[j]); }
        }
      }
      if (!found) { return null; }
    }
    return mats;
  }

  function run() {
    var q = norm(input.value).replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''), n = 0, i, it, mats, li, a;
    var words = q ? q.split(/[\s\u3000]+/) : [];
    while (list.firstChild) { list.removeChild(list.firstChild); }
    if (!q) { status.textContent = ''; return; }
    for (i = 0; i < items.length; i++) {
      it = items[i];
      mats = matches(it, words);
      if (mats === null) { continue; }
      n++;
      if (n > MAX) { continue; }
      li = document.createElement('li');
      a = document.createElement('a');
      a.setAttribute('href', /^(items|bundles)\/[^:]*$/.test(it.url) ? it.url : '#');
      a.textContent = it.name;
      li.appendChild(a);
      li.appendChild(document.createTextNode(' ' + it.code + (it.kind ? ' · ' + it.kind : '') +
        (mats.length ? ' · 材料：' + mats.join('、') : '')));
      list.appendChild(li);
    }
    status.textContent = n ? '找到 ' + n + ' 个事项' + (n > MAX ? '，显示前 ' + MAX + ' 个' : '')
      : '没有找到匹配的事项';
  }

  items = fromPage();
  var preloaded = window.ZHINAN_SEARCH_INDEX;
  if (preloaded && preloaded.items && preloaded.items.length) {
    items = preloaded.items.concat(preloaded.bundles || []);
  } else try {
    var xhr = new XMLHttpRequest();
    xhr.open('GET', 'search-index.json');
    xhr.onload = function () {
      var data;
      try { data = JSON.parse(xhr.responseText); } catch (e) { return; }
      if (data && data.items && data.items.length) { items = data.items.concat(data.bundles || []); run(); }
    };
    xhr.send();
  } catch (e) { /* keep the page's own list */ }

  box.removeAttribute('hidden');
  input.addEventListener('input', run);
  var m = /[?&]q=([^&]*)/.exec(location.search);
  if (m) {
    try { input.value = decodeURIComponent(m[1].replace(/\+/g, ' ')); } catch (e) {}
    run();
  }
})();
