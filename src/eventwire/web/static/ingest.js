// The ingest page: send the form with XMLHttpRequest (upload progress), then poll the job.
(function () {
  "use strict";
  var form = document.getElementById("ingest-form");
  if (!form) return;
  var $ = function (id) { return document.getElementById(id); };

  function item(list, text, href) {
    var li = document.createElement("li");
    if (href) {
      var a = document.createElement("a");
      a.href = href;
      a.textContent = text;  // never innerHTML: titles come from articles
      li.appendChild(a);
    } else {
      li.textContent = text;
    }
    list.appendChild(li);
    return li;
  }

  function show(job) {
    $("job-state").textContent = job.state + (job.error ? ": " + job.error : "") +
      " (" + job.articles_done + " of " + job.articles_total + " articles)";
    $("extract-progress").max = Math.max(job.articles_total, 1);
    $("extract-progress").value = job.articles_done;
    var arts = $("job-articles"), skipped = $("job-skipped");
    arts.textContent = "";
    skipped.textContent = "";
    job.articles.forEach(function (a) {
      var li = item(arts, (a.title || a.article_id) + (a.new ? "" : " (already stored)") +
        ": " + a.events.length + " events", "/ui/articles/" + encodeURIComponent(a.article_id));
      var ul = document.createElement("ul");
      a.events.forEach(function (e) {
        item(ul, e.category + " · " + e.trigger, "/ui/events/" + encodeURIComponent(e.id));
      });
      li.appendChild(ul);
    });
    job.skipped.forEach(function (s) { item(skipped, "skipped " + s.source + ": " + s.reason); });
  }

  function poll(url) {
    fetch(url).then(function (r) { return r.json(); }).then(function (job) {
      show(job);
      if (job.state !== "done" && job.state !== "failed") setTimeout(function () { poll(url); }, 500);
      else $("ingest-submit").disabled = false;
    });
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var data = new FormData(form);
    data.delete("token");
    if (!$("files").files.length) data.delete("files");
    ["title", "outlet", "published", "url", "text"].forEach(function (k) {
      if (!String(data.get(k) || "").trim()) data.delete(k);
    });
    $("progress").hidden = false;
    $("job-state").textContent = "uploading";
    $("ingest-submit").disabled = true;
    var xhr = new XMLHttpRequest();
    xhr.open("POST", "/articles");
    xhr.setRequestHeader("Authorization", "Bearer " + $("token").value.trim());
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) $("upload-progress").value = 100 * e.loaded / e.total;
    };
    xhr.onload = function () {
      $("upload-progress").value = 100;
      var body = {};
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = {}; }
      if (xhr.status >= 400) {
        $("job-state").textContent = "refused: " + (body.detail || xhr.status);
        $("ingest-submit").disabled = false;
        return;
      }
      poll("/jobs/" + encodeURIComponent(body.id));
    };
    xhr.onerror = function () {
      $("job-state").textContent = "the upload failed";
      $("ingest-submit").disabled = false;
    };
    xhr.send(data);
  });
})();
