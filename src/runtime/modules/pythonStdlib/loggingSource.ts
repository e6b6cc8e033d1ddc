/**
 * Python's `logging`, written in Python: loggers in their dotted hierarchy, levels, handlers
 * (`StreamHandler` to stderr by default, which a run's output shows as a terminal would; a
 * `FileHandler` is refused, since programs do not write files), `Formatter` in its three styles,
 * `basicConfig`, and the last-resort handler for a warning logged before any configuration.
 */
export const LOGGING_SOURCE = `import sys as _sys
import time as _time

CRITICAL = 50
FATAL = CRITICAL
ERROR = 40
WARNING = 30
WARN = WARNING
INFO = 20
DEBUG = 10
NOTSET = 0

_levelToName = {CRITICAL: 'CRITICAL', ERROR: 'ERROR', WARNING: 'WARNING', INFO: 'INFO', DEBUG: 'DEBUG', NOTSET: 'NOTSET'}
_nameToLevel = {'CRITICAL': CRITICAL, 'FATAL': FATAL, 'ERROR': ERROR, 'WARN': WARNING, 'WARNING': WARNING,
                'INFO': INFO, 'DEBUG': DEBUG, 'NOTSET': NOTSET}

BASIC_FORMAT = '%(levelname)s:%(name)s:%(message)s'


def getLevelName(level):
    if level in _levelToName:
        return _levelToName[level]
    if level in _nameToLevel:
        return _nameToLevel[level]
    return 'Level %s' % level


def _checkLevel(level):
    if isinstance(level, int):
        return level
    if str(level) == level:
        if level not in _nameToLevel:
            raise ValueError('Unknown level: %r' % level)
        return _nameToLevel[level]
    raise TypeError('Level not an integer or a valid string: %r' % (level,))


class LogRecord:
    def __init__(self, name, level, msg, args, exc_info=None):
        self.name = name
        self.levelno = level
        self.levelname = getLevelName(level)
        self.msg = msg
        if args and len(args) == 1 and isinstance(args[0], dict) and args[0]:
            args = args[0]
        self.args = args
        self.created = _time.time()
        self.msecs = int((self.created - int(self.created)) * 1000)
        self.exc_info = exc_info
        self.module = '__main__'
        self.funcName = None
        self.lineno = 0
        self.process = 0
        self.thread = 0
        self.threadName = 'MainThread'
        self.processName = 'MainProcess'

    def getMessage(self):
        msg = str(self.msg)
        if self.args:
            msg = msg % self.args
        return msg


class Formatter:
    default_time_format = '%Y-%m-%d %H:%M:%S'
    default_msec_format = '%s,%03d'

    def __init__(self, fmt=None, datefmt=None, style='%', validate=True):
        if style not in ('%', '{', '$'):
            raise ValueError('Style must be one of: %, {, $')
        self._fmt = fmt or '%(message)s'
        self.datefmt = datefmt
        self._style = style

    def usesTime(self):
        return ('%(asctime)' in self._fmt) if self._style == '%' else ('{asctime' in self._fmt or '$asctime' in self._fmt)

    def formatTime(self, record, datefmt=None):
        # the record was made a moment ago: the local time now is its time
        if datefmt:
            return _time.strftime(datefmt)
        return self.default_msec_format % (_time.strftime(self.default_time_format), record.msecs)

    def formatMessage(self, record):
        values = dict(record.__dict__)
        if self._style == '%':
            return self._fmt % values
        if self._style == '{':
            return self._fmt.format(**values)
        out = self._fmt
        for k, v in values.items():
            out = out.replace('\${' + k + '}', str(v)).replace('$' + k, str(v))
        return out

    def format(self, record):
        record.message = record.getMessage()
        if self.usesTime():
            record.asctime = self.formatTime(record, self.datefmt)
        return self.formatMessage(record)


class Filterer:
    def __init__(self):
        self.filters = []

    def addFilter(self, f):
        if f not in self.filters:
            self.filters.append(f)

    def removeFilter(self, f):
        if f in self.filters:
            self.filters.remove(f)

    def filter(self, record):
        for f in self.filters:
            result = f.filter(record) if hasattr(f, 'filter') else f(record)
            if not result:
                return False
        return True


class Handler(Filterer):
    def __init__(self, level=NOTSET):
        super().__init__()
        self.level = _checkLevel(level)
        self.formatter = None

    def setLevel(self, level):
        self.level = _checkLevel(level)

    def setFormatter(self, fmt):
        self.formatter = fmt

    def format(self, record):
        return (self.formatter or _defaultFormatter).format(record)

    def handle(self, record):
        if self.filter(record):
            self.emit(record)
        return True

    def emit(self, record):
        raise NotImplementedError('emit must be implemented by Handler subclasses')

    def flush(self):
        pass

    def close(self):
        pass


class StreamHandler(Handler):
    terminator = '\\n'

    def __init__(self, stream=None):
        super().__init__()
        self.stream = stream

    def emit(self, record):
        stream = self.stream if self.stream is not None else _sys.stderr
        stream.write(self.format(record) + self.terminator)


class FileHandler(StreamHandler):
    def __init__(self, filename, mode='a', encoding=None, delay=False, errors=None):
        raise PermissionError('GradLens programs may read files but not write them: logging to %r' % (filename,))


class NullHandler(Handler):
    def emit(self, record):
        pass

    def handle(self, record):
        pass


class Logger(Filterer):
    def __init__(self, name, level=NOTSET):
        super().__init__()
        self.name = name
        self.level = _checkLevel(level)
        self.parent = None
        self.propagate = True
        self.handlers = []
        self.disabled = False

    def setLevel(self, level):
        self.level = _checkLevel(level)

    def getEffectiveLevel(self):
        logger = self
        while logger:
            if logger.level:
                return logger.level
            logger = logger.parent
        return NOTSET

    def isEnabledFor(self, level):
        if _disabled['level'] >= level:
            return False
        return level >= self.getEffectiveLevel() and not self.disabled

    def addHandler(self, h):
        if h not in self.handlers:
            self.handlers.append(h)

    def removeHandler(self, h):
        if h in self.handlers:
            self.handlers.remove(h)

    def hasHandlers(self):
        logger = self
        while logger:
            if logger.handlers:
                return True
            if not logger.propagate:
                return False
            logger = logger.parent
        return False

    def log(self, level, msg, *args, exc_info=None, stack_info=False, stacklevel=1, extra=None):
        if not isinstance(level, int):
            raise TypeError('level must be an integer')
        if self.isEnabledFor(level):
            record = LogRecord(self.name, level, msg, args, exc_info)
            if extra:
                for k, v in extra.items():
                    setattr(record, k, v)
            self.handle(record)

    def debug(self, msg, *args, **kwargs):
        self.log(DEBUG, msg, *args, **kwargs)

    def info(self, msg, *args, **kwargs):
        self.log(INFO, msg, *args, **kwargs)

    def warning(self, msg, *args, **kwargs):
        self.log(WARNING, msg, *args, **kwargs)

    def warn(self, msg, *args, **kwargs):
        self.log(WARNING, msg, *args, **kwargs)

    def error(self, msg, *args, **kwargs):
        self.log(ERROR, msg, *args, **kwargs)

    def exception(self, msg, *args, exc_info=True, **kwargs):
        self.log(ERROR, msg, *args, exc_info=exc_info, **kwargs)

    def critical(self, msg, *args, **kwargs):
        self.log(CRITICAL, msg, *args, **kwargs)

    fatal = critical

    def handle(self, record):
        if self.disabled or not self.filter(record):
            return
        found = 0
        logger = self
        while logger:
            for h in logger.handlers:
                found += 1
                if record.levelno >= h.level:
                    h.handle(record)
            if not logger.propagate:
                break
            logger = logger.parent
        if found == 0 and record.levelno >= lastResort.level:
            lastResort.handle(record)

    def getChild(self, suffix):
        return getLogger(self.name + '.' + suffix if self.name != 'root' else suffix)

    def __repr__(self):
        return '<%s %s (%s)>' % (type(self).__name__, self.name, getLevelName(self.getEffectiveLevel()))


class RootLogger(Logger):
    def __init__(self, level):
        super().__init__('root', level)

    def __repr__(self):
        return '<RootLogger root (%s)>' % getLevelName(self.getEffectiveLevel())


_disabled = {'level': NOTSET}
_defaultFormatter = Formatter()
lastResort = StreamHandler()
lastResort.level = WARNING
root = RootLogger(WARNING)
_loggers = {}


def getLogger(name=None):
    if not name or name == 'root':
        return root
    logger = _loggers.get(name)
    if logger is None:
        logger = Logger(name)
        _loggers[name] = logger
        # the nearest existing ancestor is its parent; loggers below it now hang from it
        parent = root
        parts = name.split('.')
        for i in range(len(parts) - 1, 0, -1):
            above = '.'.join(parts[:i])
            if above in _loggers:
                parent = _loggers[above]
                break
        logger.parent = parent
        for other in _loggers.values():
            if other is not logger and other.name.startswith(name + '.') and other.parent is parent:
                other.parent = logger
    return logger


def basicConfig(**kwargs):
    force = kwargs.pop('force', False)
    if force:
        for h in list(root.handlers):
            root.removeHandler(h)
    if root.handlers:
        return
    handlers = kwargs.pop('handlers', None)
    stream = kwargs.pop('stream', None)
    filename = kwargs.pop('filename', None)
    if handlers is None:
        if filename is not None:
            handlers = [FileHandler(filename, kwargs.pop('filemode', 'a'))]
        else:
            handlers = [StreamHandler(stream)]
    fmt = kwargs.pop('format', None)
    style = kwargs.pop('style', '%')
    formatter = Formatter(fmt if fmt is not None else {'%': BASIC_FORMAT, '{': '{levelname}:{name}:{message}', '$': '\${levelname}:\${name}:\${message}'}[style], kwargs.pop('datefmt', None), style)
    for h in handlers:
        if h.formatter is None:
            h.setFormatter(formatter)
        root.addHandler(h)
    level = kwargs.pop('level', None)
    if level is not None:
        root.setLevel(level)
    kwargs.pop('encoding', None)
    kwargs.pop('errors', None)
    if kwargs:
        raise ValueError('Unrecognised argument(s): %s' % ', '.join(kwargs))


def _root_call(method):
    def call(msg, *args, **kwargs):
        if not root.handlers:
            basicConfig()
        getattr(root, method)(msg, *args, **kwargs)
    return call


debug = _root_call('debug')
info = _root_call('info')
warning = _root_call('warning')
warn = _root_call('warn')
error = _root_call('error')
exception = _root_call('exception')
critical = _root_call('critical')
fatal = critical


def log(level, msg, *args, **kwargs):
    if not root.handlers:
        basicConfig()
    root.log(level, msg, *args, **kwargs)


def disable(level=CRITICAL):
    _disabled['level'] = level


def shutdown():
    pass


def captureWarnings(capture):
    pass
`;
