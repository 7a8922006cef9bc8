/* 情形: shows an item's guide or checklist for one applicant's case. Plain ES5, no
   libraries, no network. The page lists everything, each entry that applies only in some
   scenarios labelled in words, and the questionnaire (#scenario) is hidden: that is what a
   reader without script and a printout without a choice get. This script shows the
   questions, hides what does not apply to the answers, renumbers the materials, counts them,
   and keeps the answers in the page address (?agent=委托他人办理), so a link or a bookmark
   gives the same list. It reads only data-* attributes (question ids and option numbers)
   and the radios' values; it writes text with textContent only. */
(function () {
  'use strict';
  var box = document.getElementById('scenario');
  if (!box || !document.querySelectorAll || !box.addEventListener) { return; }
  var radios = box.querySelectorAll('input[type=radio][data-question]');
  var ids = [], i;
  for (i = 0; i < radios.length; i++) {
    if (ids.indexOf(radios[i].getAttribute('data-question')) < 0) { ids.push(radios[i].getAttribute('data-question')); }
  }
  var variants = (box.getAttribute('data-variants') || '').split(' ');
  if (variants.length === 1 && !variants[0]) { variants = []; }
  var clear = box.querySelector('[data-scenario-clear]');
  var rowSelector = 'table.materials > tbody > tr, table.checklist > tbody > tr';
  /* Every material number on the page: the tables' and the "以下事项也需要此材料" lines'. */
  var numbered = document.querySelectorAll('table.materials > tbody > tr > td.num, table.checklist > tbody > tr > td.num, '
    + 'table.notice-list > tbody > tr > td.num, .also-list .num');
  for (i = 0; i < numbered.length; i++) { numbered[i].setAttribute('data-n', numbered[i].textContent); }

  function has(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }

  /* The answers: question id -> option number (as text). */
  function answers() {
    var c = {}, k;
    for (k = 0; k < radios.length; k++) {
      if (radios[k].checked) { c[radios[k].getAttribute('data-question')] = radios[k].getAttribute('data-option'); }
    }
    return c;
  }

  /* 'agent=1;form=0,2' against the answers: every question named holds (unanswered ones do
     when `open`), and options of one question are alternatives. A 一件事's merged material
     has alternatives separated by '|': any one holding is enough. */
  function holds(when, c, open) {
    var alternatives = when.split('|'), k;
    for (k = 0; k < alternatives.length; k++) { if (holdsAll(alternatives[k], c, open)) { return true; } }
    return false;
  }

  function holdsAll(when, c, open) {
    var clauses = when ? when.split(';') : [], k, kv;
    for (k = 0; k < clauses.length; k++) {
      kv = clauses[k].split('=');
      if (!has(c, kv[0])) { if (open) { continue; } return false; }
      if ((',' + (kv[1] || '') + ',').indexOf(',' + c[kv[0]] + ',') < 0) { return false; }
    }
    return true;
  }

  function words(c) {
    var out = [], k, legend;
    for (k = 0; k < radios.length; k++) {
      if (!radios[k].checked) { continue; }
      legend = radios[k].parentNode.parentNode.querySelector('legend');
      legend = legend ? legend.textContent : '';
      /* No space after a full-width mark, as the page's own words: 是否委托他人办理？— 委托他人办理 */
      out.push(legend + (/[？：。，；）]$/.test(legend) ? '— ' : ' — ') + radios[k].value);
    }
    return out.join('；');
  }

  function apply(c) {
    var k, j, els, kids, keep, label, n = 0, exempt = 0, numbers = {}, cell, answered = 0;
    for (k = 0; k < ids.length; k++) { if (has(c, ids[k])) { answered++; } }
    els = document.querySelectorAll('[data-when]');
    for (k = 0; k < els.length; k++) { els[k].hidden = !holds(els[k].getAttribute('data-when'), c, true); }

    /* 情形差异: the first entry whose questions are all answered and hold, as the guide's
       own check takes it; while an earlier entry could still apply (its questions are not all
       answered), the choice is open and every value shows with its 仅当. */
    var chosen = -1, undecided = false;
    for (k = 0; k < variants.length; k++) {
      if (holds(variants[k], c, false)) { if (!undecided) { chosen = k; } break; }
      if (holds(variants[k], c, true)) { undecided = true; }
    }
    els = document.querySelectorAll('[data-variant-group]');
    for (k = 0; k < els.length; k++) {
      kids = els[k].querySelectorAll('[data-variant]');
      keep = 'default';
      for (j = 0; j < kids.length; j++) { if (kids[j].getAttribute('data-variant') === String(chosen)) { keep = String(chosen); } }
      for (j = 0; j < kids.length; j++) {
        kids[j].hidden = chosen < 0 && undecided ? false : kids[j].getAttribute('data-variant') !== keep;
        /* Once one value is left, its 仅当 / 其他情形 words say nothing more. */
        label = kids[j].querySelector('.scenario-when');
        if (label) { label.hidden = !(chosen < 0 && undecided); }
      }
    }

    els = document.querySelectorAll(rowSelector);
    for (k = 0; k < els.length; k++) {
      cell = els[k].querySelector('td.num');
      if (els[k].hidden || !cell) { continue; }
      n++;
      numbers[cell.getAttribute('data-n')] = String(n);
      if (els[k].querySelector('.tag-shared')) { exempt++; }
    }
    for (k = 0; k < numbered.length; k++) {
      if (has(numbers, numbered[k].getAttribute('data-n'))) { numbered[k].textContent = numbers[numbered[k].getAttribute('data-n')]; }
    }

    /* The flow where 情形 change its steps: the first case all of whose questions are
       answered and hold, else the whole flow. */
    els = document.querySelectorAll('[data-case-group]');
    for (k = 0; k < els.length; k++) {
      var cases = (els[k].getAttribute('data-cases') || '').split(' '), pick = 'default';
      for (j = 0; j < cases.length; j++) { if (cases[j] && holds(cases[j], c, false)) { pick = String(j); break; } }
      kids = els[k].querySelectorAll('[data-case]');
      for (j = 0; j < kids.length; j++) { kids[j].hidden = kids[j].getAttribute('data-case') !== pick; }
    }

    /* Counts the page states in its own words: the materials shown and those exempt. */
    els = document.querySelectorAll('[data-count]');
    for (k = 0; k < els.length; k++) { els[k].textContent = String(els[k].getAttribute('data-count') === 'exempt' ? exempt : n); }
    els = document.querySelectorAll('[data-if-answered], [data-if-unanswered]');
    for (k = 0; k < els.length; k++) { els[k].hidden = els[k].hasAttribute('data-if-answered') ? !answered : !!answered; }

    var count = box.querySelector('[data-scenario-count]');
    var prepare = '您需要准备 ' + (n - exempt) + ' 项材料' + (exempt ? '（另有 ' + exempt + ' 项免提交）' : '');
    if (count) {
      count.textContent = answered === 0 ? '尚未选择：列出所有情形的 ' + n + ' 项材料。'
        : answered < ids.length ? '按已回答的问题，' + prepare + '；还有问题没有回答。'
        : '按您的情形，' + prepare + '。';
    }
    els = document.querySelectorAll('[data-scenario-summary]');
    for (k = 0; k < els.length; k++) {
      if (!els[k].hasAttribute('data-default')) { els[k].setAttribute('data-default', els[k].textContent); }
      els[k].textContent = answered ? words(c) : els[k].getAttribute('data-default');
    }
    if (clear) { clear.hidden = !answered; }
  }

  /* The answers as a query, in the questions' order: '?agent=…&form=…', or '' for none. */
  function query() {
    var parts = [], k;
    for (k = 0; k < radios.length; k++) {
      if (radios[k].checked) {
        parts.push(encodeURIComponent(radios[k].getAttribute('data-question')) + '=' + encodeURIComponent(radios[k].value));
      }
    }
    return parts.length ? '?' + parts.join('&') : '';
  }

  /* The answers into the address; other parameters are dropped. */
  function remember() {
    var q = query();
    try {
      history.replaceState(null, '', location.pathname + q + location.hash);
    } catch (e) { /* an address that cannot be rewritten keeps the list as it is */ }
    carry(q);
  }

  /* The links to this item's (or bundle's) guide and checklist take the answers along, so
     the clerk's checklist opens on the applicant's case. */
  var siblings = document.querySelectorAll('a[href="index.html"], a[href="checklist.html"]');
  function carry(q) {
    for (var k = 0; k < siblings.length; k++) {
      if (!siblings[k].hasAttribute('data-href')) { siblings[k].setAttribute('data-href', siblings[k].getAttribute('href')); }
      siblings[k].setAttribute('href', siblings[k].getAttribute('data-href') + q);
    }
  }

  /* Text compared as the check compares it: canonically equivalent spellings (é written as
     one character or as e and a combining mark) are the same option. */
  function nfc(s) { return s.normalize ? s.normalize('NFC') : s; }

  /* The answers from the address: a parameter naming a question and one of its options
     checks it; anything else is ignored. */
  function recall() {
    var query = location.search.replace(/^\?/, ''), parts = query ? query.split('&') : [], k, j, kv, name, value;
    for (k = 0; k < parts.length; k++) {
      kv = parts[k].split('=');
      try {
        name = decodeURIComponent(kv[0].replace(/\+/g, ' '));
        value = decodeURIComponent(kv.slice(1).join('=').replace(/\+/g, ' '));
      } catch (e) { continue; }
      for (j = 0; j < radios.length; j++) {
        if (radios[j].getAttribute('data-question') === name && nfc(radios[j].value) === nfc(value)) { radios[j].checked = true; }
      }
    }
  }

  box.addEventListener('change', function () { apply(answers()); remember(); });
  if (clear) {
    clear.addEventListener('click', function () {
      for (var k = 0; k < radios.length; k++) { radios[k].checked = false; }
      apply(answers());
      remember();
    });
  }
  recall();
  box.hidden = false;
  apply(answers());
  carry(query());
}());
