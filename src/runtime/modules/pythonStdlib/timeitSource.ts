/**
 * Python's `timeit`, written in Python, for functions (`timeit.timeit(lambda: …)`); a statement given as text would need `exec`.
 */
export const TIMEIT_SOURCE = `import time as _time

default_timer = _time.perf_counter
default_number = 1000000
default_repeat = 5


class Timer:
    def __init__(self, stmt='pass', setup='pass', timer=default_timer, globals=None):
        if isinstance(stmt, str) and stmt != 'pass' or isinstance(setup, str) and setup != 'pass':
            raise NotImplementedError('GradLens times a function, not a statement given as text: write timeit.timeit(lambda: ...)')
        self.stmt = stmt if callable(stmt) else None
        self.setup = setup if callable(setup) else None
        self.timer = timer

    def timeit(self, number=default_number):
        if self.setup is not None:
            self.setup()
        stmt = self.stmt
        start = self.timer()
        if stmt is not None:
            for _ in range(number):
                stmt()
        else:
            for _ in range(number):
                pass
        return self.timer() - start

    def repeat(self, repeat=default_repeat, number=default_number):
        return [self.timeit(number) for _ in range(repeat)]

    def autorange(self, callback=None):
        i = 1
        while True:
            for j in 1, 2, 5:
                number = i * j
                time_taken = self.timeit(number)
                if callback:
                    callback(number, time_taken)
                if time_taken >= 0.2:
                    return (number, time_taken)
            i *= 10


def timeit(stmt='pass', setup='pass', timer=default_timer, number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt='pass', setup='pass', timer=default_timer, repeat=default_repeat, number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)
`;
