/**
 * `tqdm`, written in Python: the progress bar's iterator, counts and methods; tqdm draws the bar on stderr, redrawn in place, so GradLens draws none (`tqdm.write` prints).
 */
export const TQDM_SOURCE = `class tqdm:
    def __init__(self, iterable=None, desc=None, total=None, leave=True, file=None, ncols=None,
                 mininterval=0.1, maxinterval=10.0, miniters=None, ascii=None, disable=False,
                 unit='it', unit_scale=False, dynamic_ncols=False, smoothing=0.3, bar_format=None,
                 initial=0, position=None, postfix=None, unit_divisor=1000, write_bytes=False,
                 lock_args=None, nrows=None, colour=None, delay=0.0, gui=False, **kwargs):
        if total is None and iterable is not None:
            try:
                total = len(iterable)
            except (TypeError, AttributeError):
                total = None
        self.iterable = iterable
        self.desc = desc or ''
        self.total = total
        self.n = initial
        self.disable = disable
        self.leave = leave
        self.unit = unit
        self.postfix = postfix
        self.pos = position or 0

    def __iter__(self):
        if self.iterable is None:
            raise TypeError("'NoneType' object is not iterable")
        for obj in self.iterable:
            yield obj
            self.n += 1

    def __len__(self):
        if self.total is not None:
            return self.total
        return len(self.iterable)

    def __bool__(self):
        return True

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def update(self, n=1):
        self.n += n
        return True

    def close(self):
        pass

    def clear(self, nolock=False):
        pass

    def refresh(self, nolock=False, lock_args=None):
        pass

    def unpause(self):
        pass

    def reset(self, total=None):
        self.n = 0
        if total is not None:
            self.total = total

    def display(self, msg=None, pos=None):
        pass

    def set_description(self, desc=None, refresh=True):
        self.desc = (desc + ': ') if desc else ''

    def set_description_str(self, desc=None, refresh=True):
        self.desc = desc or ''

    def set_postfix(self, ordered_dict=None, refresh=True, **kwargs):
        items = dict(ordered_dict or {})
        items.update(kwargs)
        self.postfix = ', '.join('%s=%s' % (k, v) for k, v in items.items())

    def set_postfix_str(self, s='', refresh=True):
        self.postfix = str(s)

    def __repr__(self):
        total = '?' if self.total is None else self.total
        return '%s%s/%s' % (self.desc, self.n, total)

    @property
    def format_dict(self):
        return {'n': self.n, 'total': self.total, 'desc': self.desc, 'unit': self.unit, 'postfix': self.postfix}

    @staticmethod
    def write(s, file=None, end='\\n', nolock=False):
        print(s, end=end, file=file)

    @classmethod
    def pandas(cls, *args, **kwargs):
        raise NotImplementedError('GradLens does not run pandas')


def trange(*args, **kwargs):
    return tqdm(range(*args), **kwargs)
`;
