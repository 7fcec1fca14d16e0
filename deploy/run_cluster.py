"""Start N `streamlit run app.py` workers behind nginx (deploy/nginx.conf), on localhost.

    python deploy/run_cluster.py                      # 2 workers on 8501, 8502; nginx on 8080
    python deploy/run_cluster.py --workers 3 --port 9000 --worker-port 9001

Prints the URL and the process ids, runs until Ctrl-C (or SIGTERM), then
stops nginx and the workers. The workers share one ``server.cookieSecret``
(so any of them accepts a browser's cookies) and do not watch the source
files (a `git pull` during the lecture must not reload modules under the
students' feet). Tests use ``Cluster`` directly (tests/test_cluster.py).
"""
from __future__ import annotations

import argparse
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONF = Path(__file__).resolve().parent / "nginx.conf"
WORKER_OPTIONS = ["--server.headless", "true", "--browser.gatherUsageStats", "false",
                  "--server.fileWatcherType", "none"]


def nginx_conf(listen: int, workers: list[int], template: str | None = None) -> str:
    """deploy/nginx.conf with the proxy on ``listen`` and the upstream on ``workers``."""
    text = template if template is not None else CONF.read_text()
    servers = "".join(f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;\n"
                      for p in workers)
    text, n = re.subn(r"(?m)^(\s*server 127\.0\.0\.1:\d+[^\n]*\n)+", servers, text, count=1)
    text, m = re.subn(r"(?m)^(\s*)listen \d+;", rf"\g<1>listen 127.0.0.1:{listen};", text)
    if n != 1 or m != 1:
        raise ValueError("nginx.conf: expected one upstream block of servers and one listen")
    return text


def wait_healthy(url: str, proc: subprocess.Popen | None = None, timeout: float = 60) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"{proc.args[0]} exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not become healthy")


class Cluster:
    """Workers on ``worker_ports`` and nginx on ``port``; ``stop()`` ends them all."""

    def __init__(self, port: int, worker_ports: list[int], *, log_dir: Path | None = None):
        if not shutil.which("nginx"):
            raise FileNotFoundError("nginx is not installed (apt-get install -y nginx)")
        for p in [port, *worker_ports]:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", p)) == 0:
                    raise OSError(f"port {p} is already in use")
        self.url = f"http://127.0.0.1:{port}"
        self.run_dir = Path(tempfile.mkdtemp(prefix="rnnviz-nginx-"))
        self.run_dir.chmod(0o755)              # nginx workers drop root for www-data
        for d in ("logs", "tmp"):
            (self.run_dir / d).mkdir()
        self.log_dir = log_dir or self.run_dir / "logs"
        self.worker_urls = [f"http://127.0.0.1:{p}" for p in worker_ports]
        secret = secrets.token_hex(16)
        self.workers: list[subprocess.Popen] = []
        self.nginx: subprocess.Popen | None = None
        try:
            for p in worker_ports:
                self.workers.append(self.start_worker(p, secret))
            for url, w in zip(self.worker_urls, self.workers):
                wait_healthy(url, w)
            (self.run_dir / "nginx.conf").write_text(nginx_conf(port, worker_ports))
            self.nginx = subprocess.Popen(
                ["nginx", "-p", f"{self.run_dir}/", "-c", "nginx.conf", "-g", "daemon off;"],
                stdout=subprocess.DEVNULL, stderr=open(self.log_dir / "nginx.out", "w"),
                start_new_session=True)
            wait_healthy(self.url, self.nginx)
        except BaseException as e:
            logs = "".join(f"--- {f.name}\n" + f.read_text()[-1500:]
                           for f in sorted(self.log_dir.glob("*")) if f.is_file())
            self.stop()
            raise RuntimeError(f"the cluster did not start: {e}\n{logs}") from e

    def start_worker(self, port: int, secret: str) -> subprocess.Popen:
        log = open(self.log_dir / f"worker-{port}.log", "w")
        return subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
             "--server.address", "127.0.0.1", *WORKER_OPTIONS], cwd=ROOT, stdout=log,
            stderr=subprocess.STDOUT, start_new_session=True,
            env={**os.environ, "STREAMLIT_SERVER_COOKIE_SECRET": secret})

    @property
    def pids(self) -> list[int]:
        return [w.pid for w in self.workers]

    def kill_worker(self, i: int) -> None:
        """Kill worker i at once (SIGKILL), as a crash would."""
        _end(self.workers[i], signal.SIGKILL)

    def stop(self) -> None:
        for proc in [self.nginx, *self.workers]:
            if proc is not None:
                _end(proc, signal.SIGTERM)
        shutil.rmtree(self.run_dir, ignore_errors=True)


def _end(proc: subprocess.Popen, sig: int) -> None:
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, sig)
            proc.wait(timeout=10)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--port", type=int, default=8080, help="nginx")
    ap.add_argument("--worker-port", type=int, default=8501, help="the first worker's port")
    args = ap.parse_args()
    cluster = Cluster(args.port, [args.worker_port + i for i in range(args.workers)],
                      log_dir=None)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"{cluster.url}  (nginx pid {cluster.nginx.pid}; worker pids "
          f"{','.join(map(str, cluster.pids))}; logs in {cluster.log_dir})", flush=True)
    try:
        while all(p.poll() is None for p in [cluster.nginx, *cluster.workers]):
            time.sleep(1)
        print("a process ended; stopping the cluster", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)     # a second signal must not cut this
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        cluster.stop()


if __name__ == "__main__":
    sys.exit(main())
