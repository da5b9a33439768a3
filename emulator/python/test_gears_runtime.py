# Unit tests of gears_runtime.py with a fake host (no emulator, no Redis).
# Run by TestPythonRuntime in runtime_test.go: python3 -m unittest.

import threading
import unittest

import gears_runtime as rt


class FakeHost(object):
    class ReplyError(str):
        pass

    wire_arg = staticmethod(lambda a: a if isinstance(a, (bytes, bytearray)) else str(a))

    def __init__(self):
        self.data = {}
        self.done = []
        self.logs = []
        self.n = 0

    def call(self, kind, **kw):
        if kind in ('newid', 'newexec'):
            self.n += 1
            return 'id-%d' % self.n
        if kind == 'execute':
            args = kw['args']
            cmd = args[0].upper()
            if cmd == 'SET':
                self.data[args[1]] = args[2]
                return 'OK'
            if cmd == 'GET':
                return self.data.get(args[1])
            return FakeHost.ReplyError('ERR unknown command')
        if kind == 'configget':
            return None
        return None

    def log(self, level, msg):
        self.logs.append((level, msg))

    def attempt_traceback(self):
        return True

    def exec_done(self, ex):
        self.done.append(ex)


def run(builder, records):
    ex = rt.Execution('e', builder, lambda: iter(records))
    rt._run_plan(ex)
    return ex.results, ex.errors


class ToRespTest(unittest.TestCase):
    def test_encoding(self):
        cases = [
            ('x', b'$1\r\nx\r\n'),
            ('+OK', b'+OK\r\n'),
            ('-err', b'-err\r\n'),
            ('-', b'$1\r\n-\r\n'),
            ('a\nb', b'$3\r\na\nb\r\n'),
            ('+a\nb', b'+a b\r\n'),
            (True, b':1\r\n'),
            (7, b':7\r\n'),
            (2.5, b'$8\r\n2.500000\r\n'),
            ([1, 'a'], b'*2\r\n:1\r\n$1\r\na\r\n'),
            (b'\x00', b'$1\r\n\x00\r\n'),
            ({'a': 1}, b'$9\r\nPY RECORD\r\n'),
            (None, b'$9\r\nPY RECORD\r\n'),
            ((1,), b'$9\r\nPY RECORD\r\n'),
        ]
        for v, want in cases:
            out = []
            rt.to_resp(v, out)
            self.assertEqual(b''.join(out), want, 'to_resp(%r)' % (v,))


class StepsTest(unittest.TestCase):
    def setUp(self):
        rt.host = FakeHost()

    def test_error_records_flow_through(self):
        b = rt.GB('PythonReader').map(lambda x: 10 // x).map(lambda x: x + 1)
        res, errs = run(b, [1, 0, 2])
        self.assertEqual(res, [11, 6])
        self.assertEqual(len(errs), 1)
        self.assertIn('ZeroDivisionError', errs[0])
        self.assertNotIn('/gears_runtime.py', errs[0])
        self.assertTrue(errs[0].startswith("['Traceback (most recent call last):\\n'"))

    def test_flat_error(self):
        def f(x):
            raise rt.flat_error('PAUSE now')
        res, errs = run(rt.GB('PythonReader').map(f), [1])
        self.assertEqual(errs, ['PAUSE now'])

    def test_group_keys_are_strings(self):
        res, _ = run(rt.GB('PythonReader').countby(lambda x: x % 2), [1, 2, 3])
        self.assertEqual(res, [{'key': '1', 'value': 2}, {'key': '0', 'value': 1}])

    def test_empty_aggregates(self):
        for b in (rt.GB('PythonReader').count(), rt.GB('PythonReader').avg(),
                  rt.GB('PythonReader').aggregate(0, lambda a, r: a, lambda a, r: a)):
            self.assertEqual(run(b, []), ([], []))

    def test_sort_quirk(self):
        self.assertEqual(run(rt.GB('PythonReader').sort(), ['b', 'c', 'a'])[0], ['a', 'b', 'c'])
        self.assertEqual(run(rt.GB('PythonReader').sort(reverse=False), ['b', 'c', 'a'])[0], ['c', 'b', 'a'])

    def test_flatmap_only_lists(self):
        self.assertEqual(run(rt.GB('PythonReader').flatmap(lambda x: [1, 2]), [0])[0], [2, 1])
        self.assertEqual(run(rt.GB('PythonReader').flatmap(lambda x: (1, 2)), [0])[0], [(1, 2)])

    def test_callbacks_must_be_functions(self):
        with self.assertRaises(rt.error) as cm:
            rt.GB().map(str)
        self.assertEqual(str(cm.exception), 'map argument must be a function')

    def test_execute(self):
        def f(x):
            rt.execute('SET', 'k', x)
            return rt.execute('GET', 'k')
        self.assertEqual(run(rt.GB('PythonReader').map(f), ['v'])[0], ['v'])
        _, errs = run(rt.GB('PythonReader').map(lambda x: rt.execute('BOGUS')), [1])
        self.assertIn('gears.error: ERR unknown command', errs[0])

    def test_abort(self):
        started = threading.Event()

        def spin(x):
            started.set()
            while True:
                pass
        ex = rt.Execution('spin', rt.GB('PythonReader').map(spin), lambda: iter([1]))
        rt._start(ex)
        started.wait(5)
        self.assertTrue(rt.abort('spin'))
        self.assertTrue(ex.done.wait(5))
        self.assertTrue(ex.aborted)


class ScriptTest(unittest.TestCase):
    def setUp(self):
        rt.host = FakeHost()

    def test_py37_grammar(self):
        err, regs, ex, eid = rt.run_script('def f(a, /):\n    pass\n')
        self.assertTrue(err.startswith("Error type: <class 'SyntaxError'>"), err)

    def test_registration_args(self):
        err, regs, ex, eid = rt.run_script("GB().register(prefix='a*', eventTypes=['set'], mode='sync')")
        self.assertIsNone(err)
        self.assertEqual(regs[0]['prefix'], 'a*')
        self.assertEqual(regs[0]['eventTypes'], ['set'])
        self.assertEqual(regs[0]['mode'], 'sync')
        err, _, _, _ = rt.run_script("GB('StreamReader').register(onFailedPolicy='retry', mode='sync')")
        self.assertIn('onFailedPolicy must be continue on sync mode', err)

    def test_one_run(self):
        err, _, _, eid = rt.run_script("GB('ShardsIDReader').run()\nGB('ShardsIDReader').run()")
        self.assertIn('Can not run more then 1 executions in a single script', err)
        self.assertIsNotNone(eid)


if __name__ == '__main__':
    unittest.main()
