# Times gear pipelines in CPython without RedisGears: GB records each
# script's steps, which then run over in-memory records shaped as the
# readers give them. stdin: one JSON line {"scripts": {name: source},
# "records": {pattern: [record...]}}, then one line per pass; stdout: one
# JSON line per pass, {name: [seconds, result count]}.
import copy
import json
import sys
import time

PIPELINES = {}
_current = [None]


class GB(object):
    def __init__(self, reader='KeysReader', defaultArg='*', desc=None):
        self.steps = []

    def _add(self, step):
        self.steps.append(step)
        return self

    def map(self, f):
        return self._add(lambda it: (f(r) for r in it))

    def filter(self, f):
        return self._add(lambda it: (r for r in it if f(r)))

    def flatmap(self, f):
        return self._add(lambda it: (x for r in it for x in f(r)))

    def countby(self, extractor=lambda x: x):
        def run(it):
            groups = {}
            for r in it:
                k = extractor(r)
                groups[k] = groups.get(k, 0) + 1
            return [{'key': k, 'value': v} for k, v in groups.items()]
        return self._add(run)

    def aggregate(self, zero, seq, comb):
        def run(it):
            acc = copy.deepcopy(zero)
            for r in it:
                acc = seq(acc, r)
            return [comb(copy.deepcopy(zero), acc)]
        return self._add(run)

    def run(self, arg=None, convertToStr=True, collect=True, **kwargs):
        if convertToStr:
            self.map(str)
        PIPELINES[_current[0]] = (arg, self.steps)


def execute_pipeline(steps, records):
    it = iter(records)
    for step in steps:
        it = step(it)
    return list(it)


def main():
    init = json.loads(sys.stdin.readline())
    for name, src in sorted(init['scripts'].items()):
        _current[0] = name
        exec(compile(src, name, 'exec'), {'GB': GB, '__name__': name})
        if name not in PIPELINES:
            raise SystemExit('%s: no run()' % name)
    for _ in sys.stdin:
        out = {}
        for name, (arg, steps) in sorted(PIPELINES.items()):
            records = init['records'][arg]
            t0 = time.perf_counter()
            res = execute_pipeline(steps, records)
            out[name] = [time.perf_counter() - t0, len(res)]
        sys.stdout.write(json.dumps(out) + '\n')
        sys.stdout.flush()


main()
