"""A headless Streamlit client: one browser session over Streamlit's own websocket.

    async with StreamlitSession(base, {"s": "我 吃 苹果"}) as st:
        run = await st.first_run                      # the page as a browser gets it
        run = await st.set_widget("s", "我 吃 苹果 。")  # a keystroke; the rerun it causes
        run.chips        # [("我", "nn"), ("吃", "v"), ("苹果", "nn"), ("。", "pu")]
        run.latency      # seconds from the rerun BackMsg to that run's script_finished

What the browser does, and so what this does (learned from a Playwright capture
of Chromium against ``streamlit run app.py``, Streamlit 1.67):

1. ``GET /_stcore/health`` sets the ``_streamlit_xsrf`` cookie (and a proxy's
   sticky cookie, deploy/nginx.conf).
2. Websocket ``/_stcore/stream`` with the cookies, an ``Origin`` header and
   ``Sec-WebSocket-Protocol: streamlit, <xsrf cookie value>`` (a third entry,
   a session id, asks to resume an old session; we never send it).
3. Every frame is a binary protobuf: the browser sends ``BackMsg`` and gets
   ``ForwardMsg``. The first BackMsg is ``rerun_script`` (a ``ClientState``)
   with the URL's query string, no widget states and a ``context_info``
   (timezone, locale, url, colour scheme).
4. Each run starts with ``ForwardMsg.new_session`` (carrying the run id and
   the config, e.g. ``maxCachedMessageAge``), then ``delta`` messages
   (``new_element``/``add_block`` at a ``delta_path``), and ends with
   ``script_finished`` (``FINISHED_SUCCESSFULLY``, or ``FINISHED_EARLY_FOR_RERUN``
   when a newer rerun interrupted it).
5. A widget change is a new ``rerun_script`` carrying the value of *every*
   widget on the page (``WidgetStates``; ids look like ``$$ID-<hash>-<key>``
   and are read from the elements), the page's ``page_script_hash``, the new
   query string, and the hashes of the large messages the client has cached
   (``cached_message_hashes``): the server then sends ``ref_hash`` stubs
   instead of those messages, and we resolve them from our cache as the
   browser does (entries older than ``maxCachedMessageAge`` runs are dropped).
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import html
import json
import re
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

WIDGET_ID = re.compile(r"^\$\$ID-[0-9a-f]+-(.+)$")
CHIP = re.compile(r'<span class="rnnviz-chip"[^>]*>(.*?)</span>', re.S)
TAGS = re.compile(r"<[^>]+>")
DONE = {"FINISHED_SUCCESSFULLY", "FINISHED_FRAGMENT_RUN_SUCCESSFULLY",
        "FINISHED_WITH_COMPILE_ERROR"}
STATUS = ForwardMsg.ScriptFinishedStatus.Name


def run_sync(coro):
    """``asyncio.run(coro)`` in a thread of its own: works where Playwright's sync
    API already runs an event loop in this thread (a pytest session with a browser)."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


@dataclass
class Run:
    """One script run as the client saw it."""
    run_id: str
    started: float                      # client clock, when new_session arrived
    elements: dict = field(default_factory=dict)     # delta_path -> Element
    status: str = ""
    finished: float = 0.0
    sent: float = 0.0                   # when the BackMsg that asked for it was sent
    bytes: int = 0

    @property
    def latency(self) -> float:
        return self.finished - self.sent

    def of_type(self, kind: str) -> list:
        return [getattr(e, kind) for e in self.elements.values() if e.WhichOneof("type") == kind]

    @property
    def exceptions(self) -> list[str]:
        return [f"{e.type}: {e.message}" for e in self.of_type("exception")]

    @property
    def markdown(self) -> list[str]:
        return [m.body for m in self.of_type("markdown")]

    @property
    def chips(self) -> list[tuple[str, str]]:
        """The tagging as (word, tag) pairs, read from the tag chips' HTML."""
        for body in self.markdown:
            if "rnnviz-chips" in body:
                return [_chip(c) for c in CHIP.findall(body)]
        return []

    @property
    def figures(self) -> dict[str, str]:
        """Plotly JSON by widget key (``unrolled``, ``formula``, ...)."""
        out = {}
        for chart in self.of_type("bidi_component"):
            if chart.component_name == "rnnviz_chart":
                m = WIDGET_ID.match(chart.id)
                out[m.group(1) if m else chart.id] = json.dumps(
                    json.loads(chart.bytes)["figure"])
        return out


def _chip(inner: str) -> tuple[str, str]:
    text = html.unescape(TAGS.sub("", inner.replace("<sup>?</sup>", "")))
    word, _, tag = text.rpartition("/")
    return word, tag


def widget_value(el) -> WidgetState | None:
    """The state a browser reports for a freshly drawn widget element (None: not a value)."""
    kind = el.WhichOneof("type")
    w = getattr(el, kind) if kind else None
    if w is None or not getattr(w, "id", ""):
        return None
    ws = WidgetState(id=w.id)
    if kind == "text_input":
        ws.string_value = w.value if w.set_value else w.default
    elif kind == "button_group":
        chosen = list(w.raw_values) if w.set_value else [w.options[i].content for i in w.default]
        ws.string_array_value.data.extend(chosen)
    elif kind == "slider" and w.type == w.SELECT_SLIDER:      # sent as the option labels
        at = w.value if w.set_value else w.default
        ws.string_array_value.data.extend(w.options[int(i)] for i in at)
    elif kind == "slider":
        ws.double_array_value.data.extend(w.value if w.set_value else w.default)
    elif kind == "checkbox":
        ws.bool_value = w.value if w.set_value else w.default
    else:
        return None                          # buttons are triggers; charts send selections only
    return ws


class StreamlitSession:
    """One user: a websocket session of ``streamlit run`` at ``base`` (http://host:port)."""

    def __init__(self, base: str, query: dict | None = None, *, page: str = "",
                 locale: str = "en-US", timeout: float = 60.0):
        self.base = base.rstrip("/")
        self.query = dict(query or {})
        self.page = page                               # URL path of the page opened
        self.locale = locale
        self.timeout = timeout
        self.widgets: dict[str, WidgetState] = {}      # key -> state we report
        self.runs: list[Run] = []                      # finished runs, in order
        self.page_hash = ""
        self.pages: dict[str, str] = {}                # URL path -> page_script_hash
        self.max_age = 2
        self._cache: dict[str, tuple[ForwardMsg, int]] = {}   # hash -> (msg, run index used)
        self._current: Run | None = None
        self._changed = asyncio.Condition()
        self._sent = 0.0
        self._button_ids: dict[str, str] = {}
        self.ws = None
        self.closed_reason: str | None = None
        self.first_run = None

    # --- connection ---------------------------------------------------------
    async def __aenter__(self) -> "StreamlitSession":
        await self.connect()
        return self

    async def __aexit__(self, *exc) -> None:
        await self.close()

    async def connect(self) -> None:
        from websockets.asyncio.client import connect
        cookies = await asyncio.to_thread(self._cookies)
        xsrf = cookies.get("_streamlit_xsrf")
        url = self.base.replace("http", "ws", 1) + "/_stcore/stream"
        self.ws = await connect(
            url, subprotocols=["streamlit", xsrf] if xsrf else ["streamlit"],
            additional_headers={"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())},
            origin=self.base, max_size=None, compression=None, open_timeout=self.timeout,
            ping_interval=None)
        self._reader = asyncio.create_task(self._read())
        self.first_run = asyncio.ensure_future(self._rerun(first=True))

    def _cookies(self) -> dict[str, str]:
        """The cookies the health check sets (the XSRF token; a proxy's sticky cookie)."""
        with urllib.request.urlopen(self.base + "/_stcore/health", timeout=self.timeout) as r:
            pairs = [v.split(";", 1)[0].split("=", 1) for k, v in r.headers.items()
                     if k.lower() == "set-cookie"]
        return {k: v for k, v in pairs if v}

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
            self._reader.cancel()
            await asyncio.gather(self._reader, return_exceptions=True)

    # --- what a user does ---------------------------------------------------
    async def set_widget(self, key: str, value, *, query: bool = True) -> Run:
        """Change the widget with key ``key`` (text, number or list) and wait for the rerun."""
        state = self.widgets.get(key)
        if state is None:
            raise KeyError(f"no widget {key!r} on the page (have {sorted(self.widgets)})")
        kind = state.WhichOneof("value")
        if kind == "string_value":
            state.string_value = value
        elif kind == "double_array_value":
            del state.double_array_value.data[:]
            state.double_array_value.data.extend(value)
        elif kind == "string_array_value":
            del state.string_array_value.data[:]
            state.string_array_value.data.extend(value)
        elif kind == "bool_value":
            state.bool_value = value
        if query:
            self.query[key] = value if isinstance(value, str) else ",".join(map(str, value))
        return await self._rerun()

    async def goto(self, page: str, query: dict | None = None) -> Run:
        """Open another page (its URL path; "" is the default page), as a nav link does."""
        self.page, self.page_hash = page, self.pages[page]
        if query is not None:
            self.query = dict(query)
        return await self._rerun()

    async def click(self, key: str) -> Run:
        """Press the button with key ``key``."""
        return await self._rerun(trigger=key)

    # --- protocol -------------------------------------------------------------
    def _back_msg(self, first: bool, trigger: str | None) -> BackMsg:
        msg = BackMsg()
        cs = msg.rerun_script
        cs.query_string = urllib.parse.urlencode(self.query)
        ci = cs.context_info
        ci.timezone, ci.timezone_offset, ci.locale = "UTC", 0, self.locale
        ci.url, ci.is_embedded, ci.color_scheme = f"{self.base}/{self.page}", False, "light"
        if first:
            cs.page_name = self.page
            return msg
        cs.page_script_hash = self.page_hash
        cs.widget_states.widgets.extend(self.widgets.values())
        if trigger:
            cs.widget_states.widgets.add(id=self._button_ids[trigger], trigger_value=True)
        cs.cached_message_hashes.extend(self._cache)
        return msg

    async def _rerun(self, first: bool = False, trigger: str | None = None) -> Run:
        async with self._changed:
            before = len(self.runs)
            self._sent = time.perf_counter()
            await self.ws.send(self._back_msg(first, trigger).SerializeToString())
            sent = self._sent

            def done():
                return self.closed_reason or any(
                    r.status in DONE and r.started >= sent for r in self.runs[before:])
            await asyncio.wait_for(self._changed.wait_for(done), self.timeout)
            if self.closed_reason:
                raise ConnectionError(self.closed_reason)
            run = next(r for r in self.runs[before:] if r.status in DONE and r.started >= sent)
            run.sent = sent
            return run

    async def _read(self) -> None:
        try:
            async for data in self.ws:
                msg = ForwardMsg()
                msg.ParseFromString(data)
                await self._handle(msg, len(data))
        except Exception as e:                       # noqa: BLE001 - reported to the waiter
            reason = f"{type(e).__name__}: {e}"
        else:
            reason = f"closed by the server ({self.ws.close_code})"
        async with self._changed:
            self.closed_reason = reason
            self._changed.notify_all()

    async def _handle(self, msg: ForwardMsg, size: int) -> None:
        kind = msg.WhichOneof("type")
        run = self._current
        if kind == "ref_hash":
            cached, _ = self._cache[msg.ref_hash]
            meta = msg.metadata
            msg = ForwardMsg()
            msg.CopyFrom(cached)
            msg.metadata.CopyFrom(meta)
            kind = msg.WhichOneof("type")
        if msg.metadata.cacheable:
            self._cache[msg.hash] = (msg, len(self.runs))
        elif msg.hash in self._cache:
            self._cache[msg.hash] = (self._cache[msg.hash][0], len(self.runs))
        if kind == "new_session":
            self.max_age = msg.new_session.config.max_cached_message_age or self.max_age
            self._current = Run(msg.metadata.run.script_run_id or "?", time.perf_counter())
            self._current.bytes += size
            return
        if run is not None:
            run.bytes += size
        if kind == "navigation":
            self.page_hash = msg.navigation.page_script_hash or self.page_hash
            self.pages = {"" if p.is_default else p.url_pathname: p.page_script_hash
                          for p in msg.navigation.app_pages}
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element" and run:
            el = msg.delta.new_element
            run.elements[tuple(msg.metadata.delta_path)] = el
            self._learn_widget(el)
        elif kind == "script_finished" and run is not None:
            run.status = STATUS(msg.script_finished)
            run.finished = time.perf_counter()
            self._current = None
            self.runs.append(run)
            self._expire_cache()
            async with self._changed:
                self._changed.notify_all()

    def _learn_widget(self, el) -> None:
        kind = el.WhichOneof("type")
        wid = getattr(getattr(el, kind), "id", "") if kind else ""
        m = WIDGET_ID.match(wid or "")
        if not m:
            return
        key = m.group(1)
        if kind == "button":
            self._button_ids[key] = wid
            return
        state = widget_value(el)
        old = self.widgets.get(key)
        if state is not None and (old is None or old.id != wid or
                                  getattr(getattr(el, kind), "set_value", False)):
            self.widgets[key] = state

    def _expire_cache(self) -> None:
        now = len(self.runs)
        self._cache = {h: v for h, v in self._cache.items() if now - v[1] <= self.max_age}
