// Refreshes the pipeline page from /api/v1/pipeline every 2 seconds. Values go in as text, never as HTML.
(function () {
  'use strict';

  function cell(row, text, cls) {
    var td = document.createElement('td');
    td.textContent = text;
    if (cls) { td.className = cls; }
    row.appendChild(td);
    return td;
  }

  function fill(tableId, items, render) {
    var body = document.querySelector('#' + tableId + ' tbody');
    var rows = document.createDocumentFragment();
    items.forEach(function (item) {
      var row = document.createElement('tr');
      render(row, item);
      rows.appendChild(row);
    });
    body.replaceChildren(rows);
  }

  function show(view) {
    var pipeline = view.pipeline;
    document.getElementById('sampled').textContent = pipeline.error
      ? 'Kafka: ' + pipeline.error
      : 'Read at ' + new Date(pipeline.sampledAt).toLocaleTimeString();
    if (view.funnel) {
      document.getElementById('funnel-total').textContent = view.funnel.total + ' orders in all.';
      fill('funnel', view.funnel.stages, function (row, stage) {
        row.dataset.status = stage.status;
        cell(row, stage.status);
        cell(row, String(stage.orders), 'num count');
      });
    } else {
      document.getElementById('funnel-total').textContent = 'The order view is still being restored.';
    }
    fill('topics', pipeline.topics, function (row, topic) {
      row.dataset.topic = topic.topic;
      cell(row, topic.topic);
      cell(row, topic.writer);
      cell(row, String(topic.messages), 'num');
      cell(row, topic.perSecond.toFixed(1), 'num rate');
    });
    fill('groups', pipeline.groups, function (row, group) {
      row.dataset.group = group.group;
      cell(row, group.group);
      cell(row, String(group.lag), 'num lag');
      cell(row, group.topics.filter(function (t) { return t.lag > 0; })
        .map(function (t) { return t.topic + ': ' + t.lag; }).join(', '));
    });
  }

  function refresh() {
    fetch('/api/v1/pipeline', {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (response) {
        if (response.status === 401) { window.location = '/login'; return null; }
        return response.ok ? response.json() : null;
      })
      .then(function (view) { if (view) { show(view); } })
      .catch(function (error) { document.getElementById('sampled').textContent = 'Not reachable: ' + error; })
      .finally(function () { window.setTimeout(refresh, 2000); });
  }

  refresh();
})();
