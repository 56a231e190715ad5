"""The script ``natosite serve`` injects into every HTML page it serves (never into ``build`` output).

It opens ``/__natosite/events?v=<version the page was served at>`` and:
- reloads the page on a ``reload`` event (also when the site changed between the
  page load and the stream opening: the server sees the old version and says so);
- shows the build problems (``file:line: message``) in an overlay on a ``problems``
  event, and hides it when the list is empty. All text goes in with ``textContent``;
- reconnects by itself when the server restarts (EventSource does that).
"""

RELOAD_JS = r"""(function () {
  "use strict";
  var me = document.currentScript;
  var version = (me && /[?&]v=(\d+)/.exec(me.src) || [0, "-1"])[1];
  var overlay = null;

  function hide() {
    if (overlay) { overlay.remove(); overlay = null; }
  }

  function show(problems) {
    hide();
    overlay = document.createElement("div");
    overlay.id = "natosite-overlay";
    overlay.setAttribute("role", "alert");
    overlay.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
      "background:#3b0d0c;color:#fff;font:14px/1.45 ui-monospace,Menlo,Consolas,monospace;padding:12px 16px;" +
      "border-top:4px solid #e5484d;box-shadow:0 -4px 16px rgba(0,0,0,.4)";
    var head = document.createElement("strong");
    head.textContent = "natosite: " + problems.length + " problem" + (problems.length === 1 ? "" : "s") +
      " (the last good site is shown; fix and save to reload)";
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "×";
    close.setAttribute("aria-label", "Hide");
    close.style.cssText = "float:right;background:none;border:0;color:#fff;font-size:20px;cursor:pointer";
    close.addEventListener("click", hide);
    var list = document.createElement("ul");
    list.style.cssText = "margin:8px 0 0;padding-left:18px";
    problems.forEach(function (p) {
      var li = document.createElement("li");
      var where = document.createElement("code");
      where.className = "natosite-where";
      where.textContent = p.where;
      li.appendChild(where);
      li.appendChild(document.createTextNode(": " + p.message));
      list.appendChild(li);
    });
    overlay.appendChild(close);
    overlay.appendChild(head);
    overlay.appendChild(list);
    (document.body || document.documentElement).appendChild(overlay);
  }

  function connect() {
    var source = new EventSource("/__natosite/events?v=" + encodeURIComponent(version));
    source.addEventListener("reload", function () {
      source.close();
      location.reload();
    });
    source.addEventListener("problems", function (e) {
      var data = JSON.parse(e.data);
      if (data.problems && data.problems.length) { show(data.problems); } else { hide(); }
    });
  }

  if (window.EventSource) { connect(); }
})();
"""
