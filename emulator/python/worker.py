# The emulator's python3 worker. It reads length-prefixed JSON frames from
# stdin and writes them to stdout; gear code runs in threads, and every
# Redis command a gear sends goes back to the emulator as a "call" frame, so
# gear writes fire registrations exactly like client writes.

import base64
import importlib
import json
import os
import struct
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gears_runtime as rt  # noqa: E402

_out = None  # the protocol's stdout and stdin, set by main
_in = None
_wlock = threading.Lock()


def send(msg):
    data = json.dumps(msg, separators=(',', ':')).encode()
    with _wlock:
        _out.write(struct.pack('>I', len(data)) + data)
        _out.flush()


class ReplyError(str):
    """An error reply from Redis, as a value (batch calls)."""


def _untag(v):
    # Markers in a reply value: {"e": msg} is an error reply, {"b": b64}
    # non-UTF-8 bytes. A value holds no other objects.
    if type(v) is list:
        return [_untag(x) for x in v]
    if type(v) is dict:
        if 'e' in v:
            return ReplyError(v['e'])
        return bytearray(base64.b64decode(v['b']))
    return v


def recv():
    h = _in.read(4)
    if len(h) < 4:
        return None
    n = struct.unpack('>I', h)[0]
    return decode(_in.read(n))


def decode(data):
    """Decodes one frame's JSON. Only a frame marked "tagged" holds
    markers, and only in its "value"."""
    msg = json.loads(data)
    if msg.get('tagged'):
        msg['value'] = _untag(msg['value'])
    return msg


def wire_arg(a):
    """A command argument as the emulator reads it: str, or {"b": b64}
    for bytes that are not UTF-8."""
    if isinstance(a, (bytes, bytearray)):
        try:
            return bytes(a).decode('utf-8')
        except UnicodeDecodeError:
            return {'b': base64.b64encode(bytes(a)).decode()}
    return str(a)


class Host(object):
    ReplyError = ReplyError

    def __init__(self):
        self.lock = threading.Lock()
        self.next = 0
        self.waiting = {}
        self.traceback = True

    wire_arg = staticmethod(wire_arg)

    def call(self, kind, **kw):
        """Sends a call frame and waits for its reply; command arguments
        in kw must already be wire_arg values."""
        ev = threading.Event()
        with self.lock:
            self.next += 1
            cid = self.next
            self.waiting[cid] = [ev, None]
        kw['op'] = 'call'
        kw['id'] = cid
        kw['kind'] = kind
        send(kw)
        # Wait in slices so RG.ABORTEXECUTION can interrupt this thread.
        while not ev.wait(0.05):
            pass
        with self.lock:
            _, msg = self.waiting.pop(cid)
        if msg.get('fatal'):
            raise rt.error(msg['fatal'])
        return msg.get('value')

    def answer(self, msg):
        with self.lock:
            w = self.waiting.get(msg['id'])
            if w is None:
                return
            w[1] = msg
        w[0].set()

    def log(self, level, msg):
        send({'op': 'log', 'level': level, 'msg': msg})

    def attempt_traceback(self):
        return self.traceback

    def exec_done(self, ex):
        out = []
        for r in ex.results:
            rt.to_resp(r, out)
        msg = {'op': 'exec_done', 'exec': ex.id, 'n': len(ex.results),
               'results': base64.b64encode(b''.join(out)).decode(),
               'errors': ex.errors, 'aborted': ex.aborted}
        if ex.override is not None:
            o = []
            rt.to_resp(ex.override[0], o)
            msg['override'] = base64.b64encode(b''.join(o)).decode()
        if 'ids' in ex.extra:
            msg['stream_ids'] = ex.extra['ids']
        send(msg)

    def exec_done_error(self, eid, err):
        send({'op': 'exec_done', 'exec': eid, 'n': 0, 'results': '', 'errors': [err], 'aborted': False})


host = Host()
rt.host = host


def do_script(msg):
    try:
        importlib.invalidate_caches()  # REQUIREMENTS may have added packages
        # Go omits an empty script from the frame.
        err, regs, ex, eid = rt.run_script(msg.get('script', ''), msg.get('reload'), msg.get('session'))
    except BaseException as e:  # without a reply the client would wait forever
        send({'op': 'reply', 'id': msg['id'], 'error': 'gogears worker: %r' % (e,)})
        return
    send({'op': 'reply', 'id': msg['id'], 'error': err, 'regs': regs, 'exec': eid})
    if ex is not None:
        rt._start(ex)


def memory_stats():
    """Returns [total, peak, current] bytes for RG.PYSTATS.

    With tracemalloc tracing (PYTHONTRACEMALLOC set, or a gear's
    tracemalloc.start()), peak and current are the bytes Python allocated,
    as RedisGears' wrapped allocators count them; otherwise they are the
    process's resident set size, which also counts the interpreter's code
    and C libraries. The total of every byte ever allocated needs a wrapped
    allocator: it is 0.
    """
    import tracemalloc
    if tracemalloc.is_tracing():
        cur, peak = tracemalloc.get_traced_memory()
        return [0, peak, cur]
    peak = cur = 0
    try:
        import resource
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        if sys.platform != 'darwin':  # kilobytes there, bytes on macOS
            peak *= 1024
    except (ImportError, OSError):
        pass
    try:
        with open('/proc/self/statm') as f:
            cur = int(f.read().split()[1]) * os.sysconf('SC_PAGE_SIZE')
    except (OSError, ValueError, IndexError):
        cur = peak  # no /proc: the peak is the closest figure
    return [0, max(peak, cur), cur]


def handle(msg):
    op = msg['op']
    if op == 'reply':
        host.answer(msg)
    elif op == 'script':
        threading.Thread(target=do_script, args=(msg,), daemon=True).start()
    elif op == 'trigger':
        rt.trigger(msg['reg'], msg['exec'], msg['input'])
    elif op == 'abort':
        rt.abort(msg['exec'])
    elif op == 'unregister':
        rt.unregister(msg['regs'])
    elif op == 'config':
        host.traceback = bool(msg.get('traceback', True))
        rt.profiling = bool(msg.get('profile', False))
    elif op == 'profile':
        try:
            send({'op': 'reply', 'id': msg['id'], 'value': rt.profile_stats(msg['session'])})
        except Exception as e:
            send({'op': 'reply', 'id': msg['id'], 'error': rt.format_error(e)})
    elif op == 'profile_reset':
        rt.profile_reset(msg['session'])
        if 'id' in msg:  # none when the host drops a session's profile
            send({'op': 'reply', 'id': msg['id']})
    elif op == 'pystats':
        send({'op': 'reply', 'id': msg['id'], 'value': memory_stats()})
    elif op == 'ping':
        send({'op': 'reply', 'id': msg['id']})


def main():
    global _out, _in
    # The protocol owns the original stdin and stdout. Gears that print()
    # or read input() get stderr and /dev/null, so they cannot corrupt a
    # frame.
    _out = os.fdopen(os.dup(1), 'wb')
    _in = os.fdopen(os.dup(0), 'rb')
    os.dup2(2, 1)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    sys.stdout = sys.stderr
    send({'op': 'ready', 'pid': os.getpid()})
    while True:
        msg = recv()
        if msg is None:
            os._exit(0)
        try:
            handle(msg)
        except Exception as e:  # never let one bad frame kill the worker
            sys.stderr.write('gogears worker: %r\n' % (e,))
            if msg.get('op') == 'trigger' and msg.get('exec'):
                # finish the execution, or its waiters wait forever
                host.exec_done_error(msg['exec'], 'gogears worker: %r' % (e,))


if __name__ == '__main__':
    main()
