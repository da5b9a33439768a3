# The RedisGears 1.2 runtime as gear scripts see it: GB/GearsBuilder, the
# readers, the operations, execute/atomic/log and the 1.2 helpers. It runs
# in the emulator's python3 worker (worker.py) and talks to the emulator
# through the `host` object installed by the worker.
#
# Records flow through a chain of generators, one per step. A record whose
# step raised becomes an _Err and passes untouched through the later steps,
# ending in the execution's errors list, as on RedisGears.

import asyncio
import base64
import copy
import cProfile
import ctypes
import inspect
import io
import pstats
import threading
import time
import traceback
import types
import uuid

__all__ = []

host = None  # set by worker.py: call(kind, **kw) -> value, log(level, msg)

_THIS_FILE = __file__
_tls = threading.local()


class error(Exception):
    """gears.error: raised by the runtime API and by execute() replies."""


error.__module__ = 'gears'
error.__qualname__ = 'error'
GearsError = error


class _FlatError(Exception):
    """Raised by flat_error: its message is recorded without a traceback."""


_FlatError.__module__ = 'gears'


class ExecutionAborted(BaseException):
    """Thrown into an execution thread by RG.ABORTEXECUTION."""


class _Err(object):
    __slots__ = ('msg',)

    def __init__(self, msg):
        self.msg = msg


def format_error(exc):
    """Formats exc the way RedisGears records a step failure."""
    if isinstance(exc, _FlatError):
        return str(exc)
    if not host.attempt_traceback():
        return 'Error type: %s, Value: %s' % (type(exc), exc)
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename != _THIS_FILE]
    lines = ['Traceback (most recent call last):\n']
    lines += traceback.format_list(frames)
    lines += traceback.format_exception_only(type(exc), exc)
    return str(lines)


# ---------------------------------------------------------------- execute

def execute(*args):
    """Runs a Redis command through the emulator, like RedisGears' RM_Call.
    With no arguments it returns [], as RedisGears does."""
    if not args:
        return []
    command, args = args[0], args[1:]
    if not isinstance(command, str):
        raise error('the given command must be a string')
    w = host.wire_arg
    sc = getattr(_tls, 'script', None)
    if sc is not None and sc.reload is not None and not sc.callback:
        # Restoring registrations: the emulator skips writes (they return
        # None), as RedisGears does not run the script again.
        res = host.call('execute', args=[command] + [w(a) for a in args], exec=_ctx_id(), restore=True)
    else:
        res = host.call('execute', args=[command] + [w(a) for a in args], exec=_ctx_id())
    return _raise_errors(res)


def _raise_errors(v):
    if isinstance(v, host.ReplyError):
        raise error(str(v))
    return v


def _execute_many(cmds):
    """Runs many commands in one round trip; error replies come back as
    host.ReplyError values instead of raising."""
    w = host.wire_arg
    return host.call('batch', cmds=[[w(a) for a in c] for c in cmds], exec=_ctx_id())


def _ctx_id():
    """Who sends a command: the execution, or the script's thread."""
    ex = getattr(_tls, 'execution', None)
    return ex.id if ex is not None else 'thread-%d' % threading.get_ident()


class atomic(object):
    """with atomic(): holds the store for the block (emulated with a lock
    shared by all gear executions)."""
    _lock = threading.RLock()

    def __enter__(self):
        if getattr(_tls, 'atomic', False):
            raise error('Already inside an atomic block')
        _tls.atomic = True
        # A time event callback already holds the store.
        self._hold = not getattr(_tls, 'holding', False)
        if self._hold:
            _hold_store()
        return self

    def __exit__(self, *a):
        _tls.atomic = False
        if self._hold:
            _release_store()
        return False


def _hold_store():
    atomic._lock.acquire()
    try:
        host.call('atomic', on=True, exec=_ctx_id())
    except BaseException:
        atomic._lock.release()
        raise


def _release_store():
    try:
        host.call('atomic', on=False, exec=_ctx_id())
    finally:
        atomic._lock.release()


def isInAtomicBlock():
    return getattr(_tls, 'atomic', False)


def registerTE(*args, **kw):
    """registerTE(periodSeconds, callback[, keyName]) calls callback()
    every periodSeconds, holding the store as RedisGears' timers run in
    Redis' main thread. With keyName the timer lives in that key (a
    string holding a token here, a module value on RedisGears): it
    returns False if the key exists, and deleting or overwriting the key
    stops the timer. A callback that raises stops its timer."""
    if kw:
        raise TypeError('registerTimeEvent() takes no keyword arguments')
    if len(args) < 2 or len(args) > 3:
        raise error('not enough arguments for time event')
    period, callback = args[0], args[1]
    if not isinstance(callback, types.FunctionType):
        raise error('callback must be a function')
    if not isinstance(period, int):
        raise error('time argument must be a long')
    sc = getattr(_tls, 'script', None)
    if sc is None and _current_exec() is None and not getattr(_tls, 'holding', False):
        raise error('can not create time event on a python created thread')
    if sc is not None and sc.reload is not None:
        return True  # reinstalling registrations: timers are not restarted
    key = args[2] if len(args) == 3 and isinstance(args[2], str) else None
    token = None
    if key is not None:
        token = 'rg_timeev ' + uuid.uuid4().hex
        if not host.call('te_claim', key=key, token=token, exec=_ctx_id()):
            return False
    threading.Thread(target=_time_event, args=(period, callback, key, token), name='gears-timer', daemon=True).start()
    return True


def _time_event(period, callback, key, token):
    # A period of 0 fires as often as Redis' event loop turns.
    delay = period if period > 0 else 0.001
    while True:
        time.sleep(delay)
        _hold_store()
        _tls.holding = True
        try:
            if key is not None and not host.call('te_alive', key=key, token=token, exec=_ctx_id()):
                return
            try:
                callback()
            except Exception as e:
                host.log('warning', 'Error occured on TimeEvent_Callback, error=%s' % format_error(e))
                return
        finally:
            _tls.holding = False
            _tls.atomic = False
            _release_store()


def log(msg, level='notice'):
    if level not in ('debug', 'verbose', 'notice', 'warning') and msg in ('debug', 'verbose', 'notice', 'warning'):
        msg, level = level, msg  # the old log(level, msg) form
    if not isinstance(msg, str):
        raise error('Log message must be a string')
    host.log(level, msg)


Log = log


def hashtag():
    return '06S'


def configGet(key):
    return host.call('configget', key=str(key))


ConfigGet = configGet


def gearsConfigGet(key, default=None):
    v = configGet(key)
    return v if v is not None else default


GearsConfigGet = gearsConfigGet


def flat_error(msg):
    # RedisGears raises here (the C function sets the exception and returns
    # NULL); code after the call does not run.
    raise _FlatError(msg)


def _current_exec():
    return getattr(_tls, 'execution', None)


def override_reply(value):
    ex = _current_exec()
    if ex is None or ex.command is None:
        raise error('Can not get command ctx')
    ex.override = (value,)


def call_next(*args):
    ex = _current_exec()
    if ex is None or not ex.hook:
        raise error('Can not get CommandHook ctx')
    w = host.wire_arg
    res = host.call('call_next', exec=ex.id, args=[w(a) for a in args])
    return _raise_errors(res)


def get_command():
    ex = _current_exec()
    if ex is None or ex.command is None:
        raise error('Can not get command ctx')
    return list(ex.command)


def isAsyncAllow():
    return _current_exec() is not None


class gearsFuture(object):
    """A hold object: return it from a step to park the record until
    continueRun or continueFailed is called."""

    def __init__(self):
        ex = _current_exec()
        if ex is None:
            raise error('Future object can only be created inside certain execution steps')
        self._ev = threading.Event()
        self._val = None
        self._err = None

    def continueRun(self, value):
        self._val = value
        self._ev.set()

    def continueFailed(self, err):
        self._err = err if isinstance(err, BaseException) else Exception(str(err))
        self._ev.set()

    def _wait(self):
        while not self._ev.wait(0.05):
            pass
        if self._err is not None:
            raise self._err
        return self._val


GearsFuture = gearsFuture

# A private event loop for async def steps, in its own thread.
loop = asyncio.new_event_loop()
threading.Thread(target=loop.run_forever, name='gears-loop', daemon=True).start()


def createFuture():
    return loop.create_future()


def setFutureResults(f, res):
    loop.call_soon_threadsafe(lambda: f.done() or f.set_result(res))


def setFutureException(f, exc):
    if not isinstance(exc, BaseException):
        exc = Exception(str(exc))
    loop.call_soon_threadsafe(lambda: f.done() or f.set_exception(exc))


def runCoroutine(cr, f=None, delay=0):
    async def inner():
        if delay:
            await asyncio.sleep(delay)
        try:
            r = await cr
            if f is not None:
                f.continueRun(r)
        except Exception as e:
            if f is not None:
                f.continueFailed(e)
    asyncio.run_coroutine_threadsafe(inner(), loop)


def _resolve(v):
    """Waits for a coroutine or gearsFuture a step returned."""
    if inspect.iscoroutine(v):
        ex = _current_exec()
        fut = asyncio.run_coroutine_threadsafe(_with_exec(v, ex), loop)
        while True:
            try:
                return fut.result(0.05)
            except TimeoutError:
                continue
            except Exception as e:  # concurrent.futures.TimeoutError before 3.11
                if type(e).__name__ == 'TimeoutError':
                    continue
                raise
    if isinstance(v, gearsFuture):
        return v._wait()
    return v


async def _with_exec(coro, ex):
    _tls.execution = ex
    return await coro


# ---------------------------------------------------------------- profiling

# With ProfileExecutions on (set by the host), every gear callback runs
# under a cProfile profiler of its session, as on RedisGears; RG.PYPROFILE
# STATS prints the session's statistics. Each execution has a profiler of
# its own (cProfile profiles one thread), merged into the session's at its
# end. From Python 3.12 cProfile uses sys.monitoring, which takes one
# profiler at a time in the whole process (and it sees every thread): a
# callback that finds another profiler on runs unprofiled, since a
# profiling failure must never fail the user's execution.
profiling = False
_profiles = {}  # session id -> pstats.Stats
_profiles_lock = threading.Lock()


def _profiled(f, *args):
    """Calls a gear callback under its session's profiler. Call sites test
    profiling first, which keeps an extra call off the common path."""
    if getattr(_tls, 'profiling', False):
        return f(*args)  # a callback inside a profiled one: already profiled
    ex = _current_exec()
    p = ex.profile if ex is not None and ex.profile is not None else cProfile.Profile()
    try:
        p.enable()
    except Exception:  # ValueError: Another profiling tool is already active
        return f(*args)
    if ex is not None:
        ex.profile = p
    _tls.profiling = True
    try:
        return f(*args)
    finally:
        _tls.profiling = False
        p.disable()
        if ex is None:
            sc = getattr(_tls, 'script', None)
            _merge_profile(sc.session if sc is not None else None, p)


def _merge_profile(session, p):
    if session is None:
        return
    try:
        st = pstats.Stats(p)
    except TypeError:  # nothing was profiled
        return
    with _profiles_lock:
        if session in _profiles:
            _profiles[session].add(st)
        else:
            _profiles[session] = st


def profile_stats(session):
    """RG.PYPROFILE STATS: the session's statistics, sorted by tottime
    (RedisGears 1.2 ignores the order argument). Without any, pstats
    raises, and so does RedisGears."""
    with _profiles_lock:
        st = _profiles.get(session)
        if st is None:
            st = pstats.Stats(cProfile.Profile())  # raises TypeError
        out = io.StringIO()
        st.stream = out
        st.sort_stats('tottime')
        st.print_stats()
        st.print_callers()
        st.print_callees()
        return out.getvalue()


def profile_reset(session):
    with _profiles_lock:
        _profiles.pop(session, None)


# ---------------------------------------------------------------- steps

def _is_function(f):
    return isinstance(f, types.FunctionType)


def _check(f, what):
    if not _is_function(f):
        raise error('%s argument must be a function' % what)


def _per_record(f, out):
    """Builds a step that calls f on each record; out(record, value)
    gives the records to emit. Error records pass untouched."""
    def run(it):
        for r in it:
            if type(r) is _Err:
                yield r
                continue
            try:
                v = _resolve(_profiled(f, r) if profiling else f(r))
            except Exception as e:
                yield _Err(format_error(e))
                continue
            for x in out(r, v):
                yield x
    return run


def _step_map(f):
    return _per_record(f, lambda r, v: (v,))


def _step_flatmap(f):
    # Only a list is expanded, last element first: the engine pops from
    # the end of the list.
    return _per_record(f, lambda r, v: reversed(v) if type(v) is list else (v,))


def _step_filter(f):
    return _per_record(f, lambda r, v: (r,) if v else ())


def _step_foreach(f):
    return _per_record(f, lambda r, v: (r,))


def _step_accumulate(f):
    def run(it):
        acc = None
        seen = False
        for r in it:
            if type(r) is _Err:
                yield r
                continue
            try:
                acc = _resolve(_profiled(f, acc, r) if profiling else f(acc, r))
                seen = True
            except Exception as e:
                yield _Err(format_error(e))
        if seen:
            yield acc
    return run


def _group_key(k):
    return k if isinstance(k, str) else repr(k)


def _no_coroutine(v, what):
    if inspect.iscoroutine(v):
        v.close()
        raise error('coroutine are not allow on %s' % what)
    return v


def _grouping(extractor, add, finish):
    """Builds a step that groups records by extractor(r) (a str key):
    add(groups, k, r) folds a record in, finish(k, v) gives the output."""
    def run(it):
        groups = {}
        for r in it:
            if type(r) is _Err:
                yield r
                continue
            try:
                k = _profiled(extractor, r) if profiling else extractor(r)
                add(groups, _group_key(_no_coroutine(k, 'extractor')), r)
            except Exception as e:
                yield _Err(format_error(e))
        for k, v in groups.items():
            try:
                yield {'key': k, 'value': finish(k, v)}
            except Exception as e:
                yield _Err(format_error(e))
    return run


def _step_localgroupby(extractor, reducer):
    def add(groups, k, r):
        groups[k] = _resolve(_profiled(reducer, k, groups.get(k), r) if profiling else reducer(k, groups.get(k), r))
    return _grouping(extractor, add, lambda k, v: v)


def _step_batchgroupby(extractor, reducer):
    def add(groups, k, r):
        groups.setdefault(k, []).append(r)
    return _grouping(extractor, add, lambda k, rs: _no_coroutine(_profiled(reducer, k, rs) if profiling else reducer(k, rs), 'reduce'))


def _step_limit(length, start):
    def run(it):
        i = 0
        end = start + length
        for r in it:
            if i >= end:
                return
            if i >= start:
                yield r
            i += 1
    return run


def _step_identity():
    def run(it):
        return it
    return run


class GearsBuilder(object):
    """GearsBuilder(reader='KeysReader', defaultArg='*', desc=None) builds a
    gear; every operation appends a step and returns the builder."""

    READERS = ('KeysReader', 'KeysOnlyReader', 'StreamReader', 'PythonReader', 'ShardsIDReader', 'CommandReader')

    def __init__(self, reader='KeysReader', defaultArg='*', desc=None):
        if not isinstance(reader, str):
            raise error('reader argument must be a string')
        if reader not in self.READERS:
            raise error('given reader does not exists or does not support register')
        if desc is not None and not isinstance(desc, str):
            raise error('description argument must be a string')
        self.realReader = reader
        self.reader = reader
        self.defaultArg = defaultArg
        self.desc = desc
        self.steps = []  # (name, arg text, generator factory)
        self.used = False

    def _add(self, name, factory, arg=''):
        if self.used:
            raise error('invalid execution was used, execution was already run/registered')
        self.steps.append((name, arg, factory))
        return self

    def map(self, f):
        _check(f, 'map')
        return self._add('MAP', _step_map(f))

    def filter(self, f):
        _check(f, 'filter')
        return self._add('FILTER', _step_filter(f))

    def flatmap(self, f):
        _check(f, 'flatmap')
        return self._add('FLAT_MAP', _step_flatmap(f))

    def foreach(self, f):
        _check(f, 'foreach')
        return self._add('FOREACH', _step_foreach(f))

    def accumulate(self, f):
        _check(f, 'accumulate')
        return self._add('ACCUMULATE', _step_accumulate(f))

    def localgroupby(self, extractor, reducer):
        _check(extractor, 'groupby extractor')
        _check(reducer, 'groupby reducer')
        return self._add('EXTRACTKEY', _step_localgroupby(extractor, reducer))

    def groupby(self, extractor, reducer):
        _check(extractor, 'groupby extractor')
        _check(reducer, 'groupby reducer')
        self._add('REPARTITION', _step_identity())
        return self._add('EXTRACTKEY', _step_localgroupby(extractor, reducer))

    def batchgroupby(self, extractor, reducer):
        _check(extractor, 'batchgroupby extractor')
        _check(reducer, 'batchgroupby reducer')
        self._add('REPARTITION', _step_identity())
        return self._add('GROUP', _step_batchgroupby(extractor, reducer))

    def repartition(self, extractor):
        _check(extractor, 'repartition')
        # One shard: records stay, but the extractor still runs.
        return self._add('REPARTITION', _step_foreach(extractor))

    def collect(self):
        return self._add('COLLECT', _step_identity())

    def limit(self, length, start=0):
        if not isinstance(length, int) or not isinstance(start, int):
            raise error('limit argument must be a number')
        return self._add('LIMIT', _step_limit(length, start))

    def aggregate(self, zero, seqOp, combOp):
        self.accumulate(lambda a, r: seqOp(a if a else copy.deepcopy(zero), r))
        self.collect()
        return self.accumulate(lambda a, r: combOp(a if a else copy.deepcopy(zero), r))

    def aggregateby(self, extractor, zero, seqOp, combOp):
        self.localgroupby(lambda r: extractor(r), lambda k, a, r: seqOp(k, a if a else copy.deepcopy(zero), r))
        return self.groupby(lambda r: r['key'], lambda k, a, r: combOp(k, a if a else copy.deepcopy(zero), r['value']))

    def count(self):
        return self.aggregate(0, lambda a, r: a + 1, lambda a, r: a + r)

    def countby(self, extractor=lambda x: x):
        return self.aggregateby(extractor, 0, lambda k, a, r: a + 1, lambda k, a, r: a + r)

    def sort(self, reverse=True):
        self.aggregate([], lambda a, r: a + [r], lambda a, r: a + r)
        self.map(lambda r: sorted(r, reverse=reverse))
        return self.flatmap(lambda r: r)

    def distinct(self):
        self.aggregate(set(), lambda a, r: a | {r}, lambda a, r: a | r)
        return self.flatmap(lambda r: list(r))

    def avg(self, extractor=lambda x: float(x)):
        self.map(extractor)
        self.aggregate((0, 0), lambda a, r: (a[0] + r, a[1] + 1), lambda a, r: (a[0] + r[0], a[1] + r[1]))
        return self.map(lambda x: x[0] / x[1])

    # ------------------------------------------------------------ actions

    def run(self, arg=None, convertToStr=True, collect=True, **kwargs):
        if self.reader == 'CommandReader':
            raise error('Given reader do not support run or not exists')
        if convertToStr:
            self.map(lambda x: str(x))
        if collect:
            self.collect()
        arg = arg if arg else self.defaultArg
        reader = _make_run_reader(self.realReader, arg, kwargs)
        mode = kwargs.get('mode', 'async')
        if not isinstance(mode, str):
            raise error('execution mode must be a string')
        if mode not in ('async', 'async_local'):
            raise error('unknown execution mode')
        self.used = True
        return _start_run(self, reader)

    def register(self, prefix='*', convertToStr=True, collect=True, **kwargs):
        if self.realReader not in ('KeysReader', 'StreamReader', 'CommandReader'):
            raise error('given reader does not exists or does not support register')
        if convertToStr:
            self.map(lambda x: str(x))
        if collect:
            self.collect()
        if 'regex' in kwargs:
            log('Using regex argument with register is deprecated and missleading, use prefix instead.', level='warning')
            prefix = kwargs['regex']
        kwargs['prefix'] = prefix
        desc = _registration_args(self.realReader, kwargs)
        onRegistered = kwargs.get('onRegistered')
        if onRegistered is not None and not _is_function(onRegistered):
            raise error('OnRegistered argument must be a function')
        self.used = True
        return _register(self, desc, onRegistered)


GB = GearsBuilder


# ---------------------------------------------------------------- readers

def _read_keys(keys, read_value, event=None):
    """Builds KeysReader records for keys. One batched round trip reads
    each key's type and, guessing it is a string, its value; hashes and
    lists take a second one."""
    if not read_value:
        return [{'key': k, 'event': event} for k in keys]
    cmds = []
    for k in keys:
        cmds.append(['TYPE', k])
        cmds.append(['GET', k])
    res = _execute_many(cmds)
    types_ = res[0::2]
    vals = res[1::2]
    more = []
    for i, (k, t) in enumerate(zip(keys, types_)):
        if t == 'hash':
            more.append((i, ['HGETALL', k]))
        elif t == 'list':
            more.append((i, ['LRANGE', k, '0', '-1']))
    if more:
        for (i, _), v in zip(more, _execute_many([c for _, c in more])):
            vals[i] = v
    out = []
    for k, t, v in zip(keys, types_, vals):
        if isinstance(v, host.ReplyError) or t not in ('string', 'hash', 'list'):
            v = None
        if t == 'hash' and isinstance(v, list):
            v = dict(zip(v[0::2], v[1::2]))
        if t == 'none':
            rec_t = 'empty'
        elif t == 'stream':
            rec_t = 'unknown'
        elif t in ('string', 'hash', 'list', 'set', 'zset'):
            rec_t = t
        else:
            rec_t = 'module'
        out.append({'key': k, 'value': v, 'type': rec_t, 'event': event})
    return out


def _keys_reader(pattern, noScan=False, readValue=True):
    if not isinstance(noScan, bool):
        raise error('noScan value is not boolean')
    if not isinstance(readValue, bool):
        raise error('readValue value is not boolean')

    def gen():
        if noScan:
            for r in _read_keys([pattern], readValue):
                yield r
            return
        cursor = '0'
        while True:
            cursor, keys = execute('SCAN', cursor, 'MATCH', pattern, 'COUNT', '1000')
            if keys:
                for r in _read_keys(keys, readValue):
                    yield r
            if cursor == '0':
                return
    return gen


def createKeysOnlyReader(pattern='*', count=1000, noScan=False, patternGenerator=None):
    def keysOnlyReader():
        p, ns = pattern, noScan
        if patternGenerator is not None:
            p, ns = patternGenerator()
        if ns:
            if execute('EXISTS', p) == 1:
                yield p
            return
        cursor = '0'
        while True:
            cursor, keys = execute('SCAN', cursor, 'MATCH', str(p), 'COUNT', str(count))
            for k in keys:
                yield k
            if cursor == '0':
                return
    return keysOnlyReader


def shardReaderCallback():
    yield '1'


def _stream_records(key, entries):
    out = []
    for e in entries or []:
        eid, fields = e[0], e[1] or []
        out.append({'key': key, 'id': eid, 'value': dict(zip(fields[0::2], fields[1::2]))})
    return out


def _stream_reader(key, fromId='0-0'):
    if not isinstance(fromId, str):
        raise error('fromId argument must be a string')

    def gen():
        res = execute('XREAD', 'STREAMS', key, fromId)
        if not res:
            return
        for r in _stream_records(res[0][0], res[0][1]):
            yield r
    return gen


def _python_reader(f):
    def gen():
        while True:
            v = f()
            if inspect.isgenerator(v):
                for x in v:
                    yield x
                return
            yield v
    return gen


def _make_run_reader(real, arg, kw):
    if real == 'KeysReader':
        return _keys_reader(arg, kw.get('noScan', False), kw.get('readValue', True))
    if real == 'KeysOnlyReader':
        # As on RedisGears, every extra keyword (even mode=) goes to
        # createKeysOnlyReader, so unknown ones raise TypeError.
        return _python_reader(createKeysOnlyReader(arg, **kw))
    if real == 'ShardsIDReader':
        return _python_reader(shardReaderCallback)
    if real == 'StreamReader':
        return _stream_reader(arg, kw.get('fromId', '0-0'))
    if real == 'PythonReader':
        if arg is None:
            raise error('python reader function is not given')
        if not _is_function(arg):
            raise error('pyreader argument must be a function')
        return _python_reader(arg)
    raise error('Given reader do not support run or not exists')


# ---------------------------------------------------------------- executions

class Execution(object):
    def __init__(self, eid, builder, reader):
        self.id = eid
        self.builder = builder
        self.reader = reader
        self.command = None
        self.hook = False
        self.override = None
        self.thread = None
        self.results = []
        self.errors = []
        self.done = threading.Event()
        self.aborted = False
        self.extra = {}
        self.session = None
        self.profile = None  # this execution's cProfile.Profile, if profiled


_executions = {}
_executions_lock = threading.Lock()


def _steps_info(builder):
    return [[name, arg] for name, arg, _ in builder.steps]


def _run_plan(ex):
    """Runs ex to completion in the current thread and reports it."""
    _tls.execution = ex
    try:
        it = ex.reader()
        recs = _safe_reader(it)
        for _, _, factory in ex.builder.steps:
            recs = factory(recs)
        for r in recs:
            if type(r) is _Err:
                ex.errors.append(r.msg)
            else:
                ex.results.append(r)
    except ExecutionAborted:
        ex.aborted = True
    except Exception as e:
        ex.errors.append(format_error(e))
    finally:
        _tls.execution = None
        _tls.atomic = False
        if ex.profile is not None:
            _merge_profile(ex.session, ex.profile)
        with _executions_lock:
            _executions.pop(ex.id, None)
        ex.done.set()
        host.exec_done(ex)


def _safe_reader(it):
    try:
        for r in it:
            yield r
    except ExecutionAborted:
        raise
    except Exception as e:
        yield _Err(format_error(e))


def _start(ex):
    with _executions_lock:
        _executions[ex.id] = ex
    t = threading.Thread(target=_run_plan, args=(ex,), name='exec-' + ex.id, daemon=True)
    ex.thread = t
    t.start()
    return ex


def abort(eid):
    with _executions_lock:
        ex = _executions.get(eid)
    if ex is None or ex.thread is None or ex.thread.ident is None:
        return False
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ex.thread.ident), ctypes.py_object(ExecutionAborted))
    return True


class _RunFuture(object):
    """What run() returns: awaitable, resolving to [results, errors]."""

    def __init__(self, ex):
        self._ex = ex

    def _get(self):
        while not self._ex.done.wait(0.05):
            pass
        return [[str(r) if not isinstance(r, (str, bytes)) else r for r in self._ex.results], list(self._ex.errors)]

    def __await__(self):
        if False:
            yield
        return self._get()


def _start_run(builder, reader):
    sc = getattr(_tls, 'script', None)
    if sc is not None:
        if sc.reload is not None:
            return None  # reinstalling registrations: runs are not repeated
        if sc.exec_id is not None:
            raise error('Can not run more then 1 executions in a single script')
    eid = host.call('newexec', reader=builder.realReader, steps=_steps_info(builder))
    ex = Execution(eid, builder, reader)
    cur = _current_exec()
    ex.session = sc.session if sc is not None else (cur.session if cur is not None else None)
    if sc is not None:
        sc.exec_id = eid
        sc.pending = ex
        return _RunFuture(ex)
    _start(ex)
    return _RunFuture(ex)


# ---------------------------------------------------------------- registrations

class Registration(object):
    def __init__(self, rid, builder, desc, session):
        self.id = rid
        self.builder = builder
        self.desc = desc
        self.session = session  # id of the session that registered it


registrations = {}

KEY_TYPES = ('string', 'list', 'hash', 'set', 'zset', 'module', 'stream', 'empty')


def _strings(v, what):
    if v is None:
        return None
    try:
        out = list(v)
    except TypeError:
        raise error('%s argument must be a list' % what)
    for x in out:
        if not isinstance(x, str):
            raise error('%s must be strings' % what)
    return out


def _registration_args(reader, kw):
    mode = kw.get('mode', 'async')
    if not isinstance(mode, str):
        raise error('execution mode must be a string')
    if mode not in ('async', 'async_local', 'sync'):
        raise error('unknown execution mode')
    d = {'reader': reader, 'mode': mode}
    prefix = kw.get('prefix', '*')
    if reader == 'KeysReader':
        if not isinstance(prefix, str):
            raise error('regex argument must be a string')
        d['prefix'] = prefix
        d['eventTypes'] = _strings(kw.get('eventTypes'), 'eventTypes')
        kt = _strings(kw.get('keyTypes'), 'keyTypes')
        if kt is not None:
            for t in kt:
                if t not in KEY_TYPES:
                    raise error('unknown key type')
        d['keyTypes'] = kt
        rv = kw.get('readValue', True)
        if not isinstance(rv, bool):
            raise error('readValue value is not boolean')
        d['readValue'] = rv
        d['commands'] = _strings(kw.get('commands'), 'commands')
    elif reader == 'StreamReader':
        if not isinstance(prefix, str):
            raise error('regex argument must be a string')
        d['prefix'] = prefix
        batch = kw.get('batch', 1)
        duration = kw.get('duration', 0)
        if not isinstance(batch, int) or isinstance(batch, bool):
            raise error('batch argument must be a number')
        if not isinstance(duration, int) or isinstance(duration, bool):
            raise error('duration argument must be a number')
        policy = kw.get('onFailedPolicy', 'continue')
        if not isinstance(policy, str):
            raise error('onFailedPolicy argument must be a string')
        if policy.lower() not in ('continue', 'abort', 'retry'):
            raise error('onFailedPolicy must be either abort, continue, or retry')
        if mode == 'sync' and policy.lower() != 'continue':
            raise error('onFailedPolicy must be continue on sync mode')
        interval = kw.get('onFailedRetryInterval', 1)
        if not isinstance(interval, int) or isinstance(interval, bool):
            raise error('onFailedRetryInterval argument must be a number')
        trim = kw.get('trimStream', True)
        if not isinstance(trim, bool):
            raise error('trimStream argument must be a boolean')
        d.update(batch=batch, duration=duration, onFailedPolicy=policy.lower(),
                 onFailedRetryInterval=interval, trimStream=trim)
    else:
        trigger = kw.get('trigger')
        hook = kw.get('hook')
        keyprefix = kw.get('keyprefix')
        if trigger is not None and (hook is not None or keyprefix is not None):
            raise error('trigger argument can not be given with keyprefix or hook')
        if trigger is None and hook is None:
            raise error('no trigger or hook argument was given')
        if trigger is not None and not isinstance(trigger, str):
            raise error('trigger argument must be a string')
        if hook is not None and not isinstance(hook, str):
            raise error('hook argument must be a string')
        if keyprefix is not None and not isinstance(keyprefix, str):
            raise error('keyprefix argument must be a string')
        inorder = kw.get('inorder', False)
        if not isinstance(inorder, bool):
            raise error('inorder argument must be a boolean')
        d.update(trigger=trigger, hook=hook, keyprefix=keyprefix, inorder=inorder)
    return d


def _register(builder, desc, onRegistered):
    sc = getattr(_tls, 'script', None)
    if sc is not None and sc.reload is not None:
        rid = sc.reload.pop(0) if sc.reload else host.call('newid')
    else:
        rid = host.call('newid')
    desc = dict(desc)
    desc['id'] = rid
    desc['desc'] = builder.desc
    desc['steps'] = _steps_info(builder)
    cur = _current_exec()
    reg = Registration(rid, builder, desc, sc.session if sc is not None else (cur.session if cur is not None else None))
    if sc is not None:
        sc.regs.append(reg)
    else:
        registrations[rid] = reg
        host.call('register', reg=desc)
    if onRegistered is not None:
        if sc is not None:
            sc.callback = True  # RedisGears runs it again on restore: its writes happen
        try:
            _profiled(onRegistered) if profiling else onRegistered()
        except Exception as e:
            log('onRegistered failed: %s' % e, level='warning')
        finally:
            if sc is not None:
                sc.callback = False
    return rid


def unregister(ids):
    for rid in ids:
        registrations.pop(rid, None)


def _unwire(s):
    """A key name or argument from a trigger input: a str, or
    {"b": base64} for bytes that are not UTF-8, given as a bytearray."""
    if type(s) is dict:
        return bytearray(base64.b64decode(s['b']))
    return s


def trigger(rid, eid, inp):
    """Starts the execution eid of registration rid on one event."""
    reg = registrations.get(rid)
    if reg is None:
        host.exec_done_error(eid, 'registration %s does not exist' % rid)
        return
    d = reg.desc
    r = d['reader']
    ex = Execution(eid, reg.builder, None)
    ex.session = reg.session
    if r == 'KeysReader':
        key, event = _unwire(inp['key']), inp.get('event')
        rv = d.get('readValue', True)
        ex.reader = lambda: iter(_read_keys([key], rv, event))
        if inp.get('command') is not None:
            ex.command = [_unwire(a) for a in inp['command']]
    elif r == 'CommandReader':
        args = [_unwire(a) for a in inp['args']]
        ex.reader = lambda: iter([args])
        ex.hook = bool(inp.get('hook'))
        ex.command = args
    else:
        ex.reader = _stream_batch(ex, inp['stream'], inp['batch'], inp.get('retry', False))
    _start(ex)


GROUP = '__gears_consumer_group__'
CONSUMER = '__gears_client__'


def _stream_batch(ex, key, batch, retry):
    def gen():
        try:
            execute('XGROUP', 'CREATE', key, GROUP, '0', 'MKSTREAM')
        except error as e:
            if 'BUSYGROUP' not in str(e):
                raise
        res = None
        if retry:
            res = execute('XREADGROUP', 'GROUP', GROUP, CONSUMER, 'COUNT', str(batch), 'STREAMS', key, '0')
            if res and not res[0][1]:
                res = None
        if not res:
            res = execute('XREADGROUP', 'GROUP', GROUP, CONSUMER, 'COUNT', str(batch), 'STREAMS', key, '>')
        recs = _stream_records(key, res[0][1]) if res else []
        ex.extra['ids'] = [r['id'] for r in recs]
        ex.extra['key'] = key
        for r in recs:
            yield r
    return gen


# ---------------------------------------------------------------- scripts

class ScriptCtx(object):
    def __init__(self, reload, session):
        self.reload = list(reload) if reload is not None else None
        self.callback = False  # running an onRegistered callback
        self.session = session
        self.exec_id = None
        self.pending = None
        self.regs = []


BASE_GLOBALS = None


def script_globals():
    g = {'__name__': '__main__', '__builtins__': __builtins__}
    for n in ('GB', 'GearsBuilder', 'execute', 'atomic', 'log', 'Log', 'hashtag', 'configGet', 'ConfigGet',
              'gearsConfigGet', 'GearsConfigGet', 'override_reply', 'call_next', 'get_command', 'flat_error',
              'gearsFuture', 'GearsFuture', 'createFuture', 'setFutureResults', 'setFutureException',
              'runCoroutine', 'isAsyncAllow', 'isInAtomicBlock', 'registerTE', 'createKeysOnlyReader', 'shardReaderCallback',
              'loop', 'asyncio', 'copy'):
        g[n] = globals()[n]
    return g


def run_script(src, reload=None, session=None):
    """Checks src against the 3.7 grammar and runs it. Returns (error text
    or None, registration descriptors, execution to start or None, id of
    the execution run() created or None)."""
    import ast
    try:
        ast.parse(src, filename='<string>', feature_version=(3, 7))
        code = compile(src, '<string>', 'exec')
    except SyntaxError as e:
        # Compile errors have no traceback, so RedisGears prints the short form.
        return 'Error type: %s, Value: %s' % (type(e), e), [], None, None
    sc = ScriptCtx(reload, session)
    _tls.script = sc
    try:
        exec(code, script_globals())
    except Exception as e:
        return format_error(e), [], None, sc.exec_id
    finally:
        _tls.script = None
    for reg in sc.regs:
        registrations[reg.id] = reg
    return None, [r.desc for r in sc.regs], sc.pending, sc.exec_id


# ---------------------------------------------------------------- replies

def _resp_err(s):
    return s.replace('\r', ' ').replace('\n', ' ')


def to_resp(v, out):
    """Appends the RESP encoding RedisGears 1.2 gives a result record."""
    if isinstance(v, str):
        if len(v) > 1 and v[0] == '+':
            out.append(b'+' + _resp_err(v[1:]).encode('utf-8', 'surrogatepass') + b'\r\n')
        elif len(v) > 1 and v[0] == '-':
            out.append(b'-' + _resp_err(v[1:]).encode('utf-8', 'surrogatepass') + b'\r\n')
        else:
            b = v.encode('utf-8', 'surrogatepass')
            out.append(b'$%d\r\n%s\r\n' % (len(b), b))
    elif isinstance(v, bool):
        out.append(b':%d\r\n' % (1 if v else 0))
    elif isinstance(v, int):
        out.append(b':%d\r\n' % v)
    elif isinstance(v, float):
        b = ('%f' % v).encode()
        out.append(b'$%d\r\n%s\r\n' % (len(b), b))
    elif isinstance(v, list):
        out.append(b'*%d\r\n' % len(v))
        for x in v:
            to_resp(x, out)
    elif isinstance(v, bytes):
        out.append(b'$%d\r\n%s\r\n' % (len(v), v))
    else:
        out.append(b'$9\r\nPY RECORD\r\n')
