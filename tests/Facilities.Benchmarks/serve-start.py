#!/usr/bin/env python3
"""Issue 15, map start (docs/performance.md): starts `facilities serve DATASET --port PORT`, times start -> listening,
-> /api/meta and -> the first parcel tile (zoom minZoom at the centre of the bbox), with the process's CPU time and
VmRSS at each step; prints one JSON line. Usage: serve-start.py FACILITIES_EXECUTABLE DATASET PORT
Run the variants compared interleaved, five times each, and record the load average (printed)."""
import subprocess, sys, time, urllib.request, json, os, socket, math

exe, dataset, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
def rss(pid):
    d = {}
    for l in open(f"/proc/{pid}/status"):
        k, v = l.split(":", 1)
        if k in ("VmRSS", "VmHWM"):
            d[k] = int(v.split()[0]) // 1024
    return d
def cpu(pid):
    f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return round((int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK"), 2)
t0 = time.perf_counter()
p = subprocess.Popen([exe, "serve", dataset, "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
# wait for the port
while True:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.05).close(); break
    except OSError:
        time.sleep(0.005)
t_listen = time.perf_counter() - t0
before = rss(p.pid); c_listen = cpu(p.pid)
m = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/api/meta", timeout=600))
t_meta = time.perf_counter() - t0; c_meta = cpu(p.pid)
z = m["parcelTiles"]["minZoom"]
lon = (m["bbox"][0] + m["bbox"][2]) / 2; lat = (m["bbox"][1] + m["bbox"][3]) / 2
x = int((lon + 180) / 360 * 2**z); r = math.radians(lat)
y = int((1 - math.log(math.tan(r) + 1 / math.cos(r)) / math.pi) / 2 * 2**z)
t1 = time.perf_counter()
b = urllib.request.urlopen(f"http://127.0.0.1:{port}/tiles/parcels/{z}/{x}/{y}.mvt", timeout=600).read()
t_tile = time.perf_counter() - t0
after = rss(p.pid); c_tile = cpu(p.pid)
time.sleep(2)
idle = rss(p.pid)
p.terminate(); p.wait()
print(json.dumps(dict(listen=round(t_listen, 3), meta=round(t_meta, 3), tile=round(t_tile, 3), tile_only=round(t_tile - (t1 - t0), 3), minZoom=z, cpu_listen=c_listen, cpu_meta=c_meta, cpu_tile=c_tile,
    tile_bytes=len(b), rss_before=before["VmRSS"], rss_after=after["VmRSS"], rss_idle2s=idle["VmRSS"], hwm=idle["VmHWM"], load=os.getloadavg()[0])))
