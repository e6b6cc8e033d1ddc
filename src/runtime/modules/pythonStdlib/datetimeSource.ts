/**
 * Python's `datetime`, written in Python over GradLens's `time`: dates in the proleptic Gregorian
 * calendar, times, datetimes (naive, or aware through a `tzinfo` such as `timezone`), timedeltas
 * in whole microseconds, ISO 8601 text, and `strftime`/`strptime` in the C locale. The local time
 * is the time zone Node reports.
 */
export const DATETIME_SOURCE = `import time as _time
import math as _math
from collections import namedtuple as _namedtuple

MINYEAR = 1
MAXYEAR = 9999

_DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_DAYS_BEFORE_MONTH = [0, 0]
for _m in range(1, 12):
    _DAYS_BEFORE_MONTH.append(_DAYS_BEFORE_MONTH[-1] + _DAYS_IN_MONTH[_m])
del _m
_MONTH_ABBRS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
_MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
                'September', 'October', 'November', 'December']
_DAY_ABBRS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
_DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

_US_PER_SECOND = 1000000
_US_PER_DAY = 86400 * _US_PER_SECOND
_MAX_DAYS = 999999999
# the ordinal of 9999-12-31
_MAX_ORDINAL = 3652059


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _ordinal(year, month, day):
    # day 1 is 0001-01-01 of the proleptic Gregorian calendar
    before = _DAYS_BEFORE_MONTH[month] + (1 if month > 2 and _is_leap(year) else 0)
    return _days_before_year(year) + before + day


def _from_ordinal(n):
    # 400 years are 146097 days exactly: find the cycle, then the year within it
    cycles, rest = divmod(n - 1, 146097)
    year = cycles * 400 + 1 + rest // 366
    while _days_before_year(year + 1) - cycles * 146097 < rest + 1:
        year += 1
    day_of_year = n - _days_before_year(year)
    month = 1
    while month < 12 and day_of_year > _DAYS_BEFORE_MONTH[month + 1] + (1 if month + 1 > 2 and _is_leap(year) else 0):
        month += 1
    day = day_of_year - _DAYS_BEFORE_MONTH[month] - (1 if month > 2 and _is_leap(year) else 0)
    return year, month, day


def _name(cls):
    # the name CPython's C types give in reprs and messages: 'datetime.date'
    if cls in _OWN_CLASSES:
        return 'datetime.' + cls.__name__
    return cls.__name__


def _index(value):
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float) or not hasattr(type(value), '__index__'):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(value).__name__)
    return value.__index__()


def _check_date(year, month, day):
    year, month, day = _index(year), _index(month), _index(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError('year %d is out of range' % year)
    if not 1 <= month <= 12:
        raise ValueError('month must be in 1..12')
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError('day is out of range for month')
    return year, month, day


def _check_time(hour, minute, second, microsecond, fold):
    hour, minute, second, microsecond = _index(hour), _index(minute), _index(second), _index(microsecond)
    if not 0 <= hour <= 23:
        raise ValueError('hour must be in 0..23')
    if not 0 <= minute <= 59:
        raise ValueError('minute must be in 0..59')
    if not 0 <= second <= 59:
        raise ValueError('second must be in 0..59')
    if not 0 <= microsecond <= 999999:
        raise ValueError('microsecond must be in 0..999999')
    if fold not in (0, 1):
        raise ValueError('fold must be either 0 or 1')
    return hour, minute, second, microsecond


def _check_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type '%s'" % type(tz).__name__)


def _missing(name, position):
    raise TypeError("function missing required argument '%s' (pos %d)" % (name, position))


def _round_half_even(numerator, denominator):
    q, r = divmod(numerator, denominator)
    twice = 2 * r
    if denominator < 0:
        twice, denominator = -twice, -denominator
    if twice > denominator or (twice == denominator and q % 2 == 1):
        q += 1
    return q


def _ratio(x):
    # a float as an exact fraction n / d (d a power of two)
    if x != x:
        raise ValueError('cannot convert float NaN to integer')
    if x in (float('inf'), float('-inf')):
        raise OverflowError('cannot convert float infinity to integer')
    d = 1
    while x != int(x):
        x *= 2
        d *= 2
    return int(x), d


def _offset_text(offset, sep):
    # +HH:MM (with :SS and .ffffff when they are not zero), the separator between the fields given
    if offset is None:
        return ''
    us = offset._total_us()
    sign = '-' if us < 0 else '+'
    us = abs(us)
    hh, us = divmod(us, 3600 * _US_PER_SECOND)
    mm, us = divmod(us, 60 * _US_PER_SECOND)
    ss, us = divmod(us, _US_PER_SECOND)
    text = '%s%02d%s%02d' % (sign, hh, sep, mm)
    if ss or us:
        text += '%s%02d' % (sep, ss)
        if us:
            text += '.%06d' % us
    return text


def _time_text(hh, mm, ss, us, timespec):
    if timespec == 'auto':
        timespec = 'microseconds' if us else 'seconds'
    if timespec == 'hours':
        return '%02d' % hh
    if timespec == 'minutes':
        return '%02d:%02d' % (hh, mm)
    if timespec == 'seconds':
        return '%02d:%02d:%02d' % (hh, mm, ss)
    if timespec == 'milliseconds':
        return '%02d:%02d:%02d.%03d' % (hh, mm, ss, us // 1000)
    if timespec == 'microseconds':
        return '%02d:%02d:%02d.%06d' % (hh, mm, ss, us)
    raise ValueError('Unknown timespec value')


def _strftime(obj, fmt, timetuple):
    # %f, %z and %Z are the object's own; the rest is C's strftime
    if not isinstance(fmt, str):
        raise TypeError('strftime() argument 1 must be str, not %s' % type(fmt).__name__)
    if 'f' not in fmt and 'z' not in fmt and 'Z' not in fmt:
        return _time.strftime(fmt, timetuple)
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        i += 1
        if ch != '%' or i == n:
            out.append(ch)
            continue
        ch = fmt[i]
        i += 1
        if ch == 'f':
            out.append('%06d' % getattr(obj, 'microsecond', 0))
        elif ch == 'z':
            out.append(_offset_text(obj.utcoffset() if hasattr(obj, 'utcoffset') else None, ''))
        elif ch == 'Z':
            name = obj.tzname() if hasattr(obj, 'tzname') else None
            out.append('' if name is None else name.replace('%', '%%'))
        else:
            out.append('%' + ch)
    return _time.strftime(''.join(out), timetuple)


def _format(obj, fmt):
    if not isinstance(fmt, str):
        raise TypeError('must be str, not %s' % type(fmt).__name__)
    if len(fmt) != 0:
        return obj.strftime(fmt)
    return str(obj)


def _compare_error(a, b):
    raise TypeError("can't compare %s to %s" % (_name(type(a)), _name(type(b))))


class timedelta:
    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        whole = 0
        part = 0.0
        for value, unit, what in ((days, _US_PER_DAY, 'days'), (seconds, _US_PER_SECOND, 'seconds'),
                                  (microseconds, 1, 'microseconds'), (milliseconds, 1000, 'milliseconds'),
                                  (minutes, 60 * _US_PER_SECOND, 'minutes'), (hours, 3600 * _US_PER_SECOND, 'hours'),
                                  (weeks, 7 * _US_PER_DAY, 'weeks')):
            if isinstance(value, int):
                whole += value * unit
            elif isinstance(value, float):
                fraction, integral = _math.modf(value)
                whole += int(integral) * unit
                part += fraction * unit
            else:
                raise TypeError('unsupported type for timedelta %s component: %s' % (what, type(value).__name__))
        self._set(whole + _round_half_even(*_ratio(part)))

    def _set(self, us):
        days, rest = divmod(us, _US_PER_DAY)
        if abs(days) >= 2 ** 31:
            raise OverflowError('Python int too large to convert to C int')
        if not -_MAX_DAYS <= days <= _MAX_DAYS:
            raise OverflowError('days=%d; must have magnitude <= %d' % (days, _MAX_DAYS))
        self._days = days
        self._seconds, self._microseconds = divmod(rest, _US_PER_SECOND)

    @classmethod
    def _of(cls, us):
        self = object.__new__(cls)
        self._set(us)
        return self

    def _total_us(self):
        return self._days * _US_PER_DAY + self._seconds * _US_PER_SECOND + self._microseconds

    @property
    def days(self):
        return self._days

    @property
    def seconds(self):
        return self._seconds

    @property
    def microseconds(self):
        return self._microseconds

    def total_seconds(self):
        return self._total_us() / _US_PER_SECOND

    def __repr__(self):
        parts = []
        if self._days:
            parts.append('days=%d' % self._days)
        if self._seconds:
            parts.append('seconds=%d' % self._seconds)
        if self._microseconds:
            parts.append('microseconds=%d' % self._microseconds)
        return '%s(%s)' % (_name(type(self)), ', '.join(parts) if parts else '0')

    def __str__(self):
        minutes, ss = divmod(self._seconds, 60)
        hh, mm = divmod(minutes, 60)
        text = '%d:%02d:%02d' % (hh, mm, ss)
        if self._days:
            text = '%d day%s, %s' % (self._days, '' if abs(self._days) == 1 else 's', text)
        if self._microseconds:
            text += '.%06d' % self._microseconds
        return text

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._of(self._total_us() + other._total_us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._of(self._total_us() - other._total_us())
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return -self + other
        return NotImplemented

    def __neg__(self):
        return timedelta._of(-self._total_us())

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._of(self._total_us() * other)
        if isinstance(other, float):
            n, d = _ratio(other)
            return timedelta._of(_round_half_even(self._total_us() * n, d))
        return NotImplemented

    __rmul__ = __mul__

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._total_us() / other._total_us()
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            return timedelta._of(_round_half_even(self._total_us(), other))
        if isinstance(other, float):
            n, d = _ratio(other)
            if n == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            return timedelta._of(_round_half_even(self._total_us() * d, n))
        return NotImplemented

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            if other._total_us() == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            return self._total_us() // other._total_us()
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            return timedelta._of(self._total_us() // other)
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            if other._total_us() == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            return timedelta._of(self._total_us() % other._total_us())
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            if other._total_us() == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            q, r = divmod(self._total_us(), other._total_us())
            return q, timedelta._of(r)
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._total_us() == other._total_us()
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, timedelta):
            return self._total_us() != other._total_us()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._total_us() < other._total_us()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._total_us() <= other._total_us()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._total_us() > other._total_us()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._total_us() >= other._total_us()
        return NotImplemented

    def __hash__(self):
        return hash((self._days, self._seconds, self._microseconds))

    def __bool__(self):
        return self._total_us() != 0


timedelta.min = timedelta(-_MAX_DAYS)
timedelta.max = timedelta(days=_MAX_DAYS, hours=23, minutes=59, seconds=59, microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


class date:
    def __init__(self, year, month=None, day=None):
        if month is None:
            _missing('month', 2)
        if day is None:
            _missing('day', 3)
        self._year, self._month, self._day = _check_date(year, month, day)

    @classmethod
    def _of(cls, year, month, day):
        self = object.__new__(cls)
        self._year, self._month, self._day = year, month, day
        return self

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromtimestamp(cls, t):
        t = _time.localtime(t)
        return cls(t[0], t[1], t[2])

    @classmethod
    def fromordinal(cls, n):
        n = _index(n)
        if not 1 <= n <= _MAX_ORDINAL:
            raise ValueError('ordinal must be >= 1')
        return cls(*_from_ordinal(n))

    @classmethod
    def fromisoformat(cls, text):
        if not isinstance(text, str):
            raise TypeError('fromisoformat: argument must be str')
        ymd = _parse_iso_date(text)
        if ymd is None:
            raise ValueError('Invalid isoformat string: %r' % text)
        return cls(*ymd)

    @classmethod
    def fromisocalendar(cls, year, week, day):
        return cls(*_from_iso_calendar(year, week, day))

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    def toordinal(self):
        return _ordinal(self._year, self._month, self._day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.weekday() + 1

    def isocalendar(self):
        year = self._year
        week1 = _iso_week1_monday(year)
        today = self.toordinal()
        if today < week1:
            year -= 1
            week1 = _iso_week1_monday(year)
        elif today >= _iso_week1_monday(year + 1):
            year += 1
            week1 = _iso_week1_monday(year)
        week, day = divmod(today - week1, 7)
        return IsoCalendarDate(year, week + 1, day + 1)

    def timetuple(self):
        return _time.struct_time((self._year, self._month, self._day, 0, 0, 0, self.weekday(),
                                  self.toordinal() - _ordinal(self._year, 1, 1) + 1, -1))

    def ctime(self):
        return '%s %s %2d 00:00:00 %04d' % (_DAY_ABBRS[self.weekday()], _MONTH_ABBRS[self._month - 1],
                                            self._day, self._year)

    def strftime(self, fmt):
        return _strftime(self, fmt, self.timetuple())

    def __format__(self, fmt):
        return _format(self, fmt)

    def isoformat(self):
        return '%04d-%02d-%02d' % (self._year, self._month, self._day)

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        return '%s(%d, %d, %d)' % (_name(type(self)), self._year, self._month, self._day)

    def replace(self, year=None, month=None, day=None):
        return type(self)(self._year if year is None else year, self._month if month is None else month,
                          self._day if day is None else day)

    def _key(self):
        return (self._year, self._month, self._day)

    def _comparable(self, other, equality):
        # a date and a datetime are never equal and cannot be ordered
        if isinstance(other, datetime) or not isinstance(other, date):
            if isinstance(other, datetime) and not equality:
                _compare_error(other, self)
            return False
        return True

    def __eq__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._key() == other._key()
        return False if isinstance(other, datetime) else NotImplemented

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def __lt__(self, other):
        if self._comparable(other, False):
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other):
        if self._comparable(other, False):
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other):
        if self._comparable(other, False):
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other):
        if self._comparable(other, False):
            return self._key() >= other._key()
        return NotImplemented

    def __hash__(self):
        return hash(self._key())

    def __add__(self, other):
        if isinstance(other, timedelta):
            n = self.toordinal() + other.days
            if not 1 <= n <= _MAX_ORDINAL:
                raise OverflowError('date value out of range')
            return type(self)._of(*_from_ordinal(n))
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented


def _iso_week1_monday(year):
    # the Monday of the week with the year's first Thursday
    jan1 = _ordinal(year, 1, 1)
    jan1_weekday = (jan1 + 6) % 7
    monday = jan1 - jan1_weekday
    if jan1_weekday > 3:
        monday += 7
    return monday


def _from_iso_calendar(year, week, day):
    year, week, day = _index(year), _index(week), _index(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError('Year is out of range: %d' % year)
    if not 0 < week < 53:
        # a long year has a 53rd week: its first day is a Thursday, or a Wednesday in a leap year
        first = (_ordinal(year, 1, 1) + 6) % 7
        if week != 53 or not (first == 3 or (first == 2 and _is_leap(year))):
            raise ValueError('Invalid week: %d' % week)
    if not 0 < day < 8:
        raise ValueError('Invalid weekday: %d (range is [1, 7])' % day)
    return _from_ordinal(_iso_week1_monday(year) + (week - 1) * 7 + day - 1)


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


class IsoCalendarDate(_namedtuple('IsoCalendarDate', 'year week weekday')):
    def __repr__(self):
        return 'datetime.IsoCalendarDate(year=%d, week=%d, weekday=%d)' % (self[0], self[1], self[2])


class tzinfo:
    def tzname(self, dt):
        raise NotImplementedError('tzinfo subclass must override tzname()')

    def utcoffset(self, dt):
        raise NotImplementedError('tzinfo subclass must override utcoffset()')

    def dst(self, dt):
        raise NotImplementedError('tzinfo subclass must override dst()')

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError('fromutc() requires a datetime argument')
        if dt.tzinfo is not self:
            raise ValueError('dt.tzinfo is not self')
        offset = dt.utcoffset()
        if offset is None:
            raise ValueError('fromutc() requires a non-None utcoffset() result')
        dst = dt.dst()
        if dst is None:
            raise ValueError('fromutc() requires a non-None dst() result')
        standard = offset - dst
        if standard:
            dt += standard
            dst = dt.dst()
            if dst is None:
                raise ValueError('fromutc(): dt.dst gave inconsistent results; cannot convert')
        return dt + dst


_UTC = None


class timezone(tzinfo):
    def __new__(cls, offset, name=None):
        if not isinstance(offset, timedelta):
            raise TypeError('timezone() argument 1 must be datetime.timedelta, not %s' % type(offset).__name__)
        if name is not None and not isinstance(name, str):
            raise TypeError("timezone() argument 2 must be str, not %s" % type(name).__name__)
        if not -_US_PER_DAY < offset._total_us() < _US_PER_DAY:
            raise ValueError('offset must be a timedelta strictly between -timedelta(hours=24) and '
                             'timedelta(hours=24), not %r.' % (offset,))
        if name is None and not offset and _UTC is not None:
            return _UTC
        self = object.__new__(cls)
        self._offset = offset
        self._name = name
        return self

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is _UTC:
            return 'datetime.timezone.utc'
        if self._name is None:
            return '%s(%r)' % (_name(type(self)), self._offset)
        return '%s(%r, %r)' % (_name(type(self)), self._offset, self._name)

    def __str__(self):
        return self.tzname(None)

    def _check(self, dt, what):
        if dt is not None and not isinstance(dt, datetime):
            raise TypeError('%s(dt) argument must be a datetime instance or None, not %s' % (what, type(dt).__name__))

    def utcoffset(self, dt):
        self._check(dt, 'utcoffset')
        return self._offset

    def tzname(self, dt):
        self._check(dt, 'tzname')
        if self._name is not None:
            return self._name
        if not self._offset:
            return 'UTC'
        return 'UTC' + _offset_text(self._offset, ':')

    def dst(self, dt):
        self._check(dt, 'dst')
        return None

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError('fromutc() argument must be a datetime instance or None, not %s' % type(dt).__name__)
        if dt.tzinfo is not self:
            raise ValueError('fromutc: dt.tzinfo is not self')
        return dt + self._offset


_UTC = timezone(timedelta(0))
timezone.utc = _UTC
timezone.min = timezone(timedelta(hours=-23, minutes=-59))
timezone.max = timezone(timedelta(hours=23, minutes=59))
UTC = _UTC


def _offset_of(tz, dt, what):
    # a tzinfo's utcoffset() or dst() for dt, checked as CPython checks it
    if tz is None:
        return None
    offset = getattr(tz, what)(dt)
    if offset is None:
        return None
    if not isinstance(offset, timedelta):
        raise TypeError('tzinfo.%s() must return None or timedelta, not \\'%s\\'' % (what, type(offset).__name__))
    if not -_US_PER_DAY < offset._total_us() < _US_PER_DAY:
        raise ValueError('offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24).')
    return offset


class time:
    def __init__(self, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        self._hour, self._minute, self._second, self._microsecond = _check_time(hour, minute, second,
                                                                                 microsecond, fold)
        _check_tzinfo(tzinfo)
        self._tzinfo = tzinfo
        self._fold = fold

    @classmethod
    def fromisoformat(cls, text):
        if not isinstance(text, str):
            raise TypeError('fromisoformat: argument must be str')
        parsed = _parse_iso_time(text[1:] if text.startswith('T') else text)
        if parsed is None:
            raise ValueError('Invalid isoformat string: %r' % text)
        return cls(*parsed)

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @property
    def tzinfo(self):
        return self._tzinfo

    @property
    def fold(self):
        return self._fold

    def utcoffset(self):
        return _offset_of(self._tzinfo, None, 'utcoffset')

    def dst(self):
        return _offset_of(self._tzinfo, None, 'dst')

    def tzname(self):
        return None if self._tzinfo is None else self._tzinfo.tzname(None)

    def isoformat(self, timespec='auto'):
        text = _time_text(self._hour, self._minute, self._second, self._microsecond, timespec)
        return text + _offset_text(self.utcoffset(), ':')

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        if self._microsecond:
            fields = '%d, %d, %d, %d' % (self._hour, self._minute, self._second, self._microsecond)
        elif self._second:
            fields = '%d, %d, %d' % (self._hour, self._minute, self._second)
        else:
            fields = '%d, %d' % (self._hour, self._minute)
        if self._tzinfo is not None:
            fields += ', tzinfo=%r' % (self._tzinfo,)
        if self._fold:
            fields += ', fold=1'
        return '%s(%s)' % (_name(type(self)), fields)

    def strftime(self, fmt):
        return _strftime(self, fmt, (1900, 1, 1, self._hour, self._minute, self._second, 0, 1, -1))

    def __format__(self, fmt):
        return _format(self, fmt)

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True, *, fold=None):
        return type(self)(self._hour if hour is None else hour, self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo, fold=self._fold if fold is None else fold)

    def _us(self):
        return ((self._hour * 60 + self._minute) * 60 + self._second) * _US_PER_SECOND + self._microsecond

    def _key(self, other, equality):
        if not isinstance(other, time):
            return None
        mine, theirs = self._us(), other._us()
        if self._tzinfo is other._tzinfo:
            return mine, theirs
        a, b = self.utcoffset(), other.utcoffset()
        if (a is None) != (b is None):
            if equality:
                return False
            raise TypeError("can't compare offset-naive and offset-aware times")
        if a is not None:
            mine -= a._total_us()
            theirs -= b._total_us()
        return mine, theirs

    def __eq__(self, other):
        key = self._key(other, True)
        if key is None:
            return NotImplemented
        return key is not False and key[0] == key[1]

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def __lt__(self, other):
        key = self._key(other, False)
        return NotImplemented if key is None else key[0] < key[1]

    def __le__(self, other):
        key = self._key(other, False)
        return NotImplemented if key is None else key[0] <= key[1]

    def __gt__(self, other):
        key = self._key(other, False)
        return NotImplemented if key is None else key[0] > key[1]

    def __ge__(self, other):
        key = self._key(other, False)
        return NotImplemented if key is None else key[0] >= key[1]

    def __hash__(self):
        offset = self.utcoffset()
        return hash(self._us() - (0 if offset is None else offset._total_us()))

    def __bool__(self):
        return True


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


class datetime(date):
    def __init__(self, year, month=None, day=None, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *,
                 fold=0):
        if month is None:
            _missing('month', 2)
        if day is None:
            _missing('day', 3)
        self._year, self._month, self._day = _check_date(year, month, day)
        self._hour, self._minute, self._second, self._microsecond = _check_time(hour, minute, second,
                                                                                 microsecond, fold)
        _check_tzinfo(tzinfo)
        self._tzinfo = tzinfo
        self._fold = fold

    @classmethod
    def _of(cls, year, month, day, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, fold=0):
        self = object.__new__(cls)
        self._year, self._month, self._day = year, month, day
        self._hour, self._minute, self._second, self._microsecond = hour, minute, second, microsecond
        self._tzinfo = tzinfo
        self._fold = fold
        return self

    @classmethod
    def _from_us(cls, us, tzinfo, fold=0):
        # microseconds since 0001-01-01 00:00 to a datetime
        days, us = divmod(us, _US_PER_DAY)
        if not 0 <= days < _MAX_ORDINAL:
            raise OverflowError('date value out of range')
        seconds, us = divmod(us, _US_PER_SECOND)
        minutes, ss = divmod(seconds, 60)
        hh, mm = divmod(minutes, 60)
        y, m, d = _from_ordinal(days + 1)
        return cls._of(y, m, d, hh, mm, ss, us, tzinfo, fold)

    def _us(self):
        seconds = ((self.toordinal() - 1) * 24 + self._hour) * 3600 + self._minute * 60 + self._second
        return seconds * _US_PER_SECOND + self._microsecond

    @classmethod
    def _from_timestamp(cls, t, utc, tz):
        if not isinstance(t, (int, float)):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(t).__name__)
        if t != t:
            raise ValueError("Invalid value NaN (not a number)")
        if t in (_math.inf, -_math.inf):
            raise OverflowError("timestamp out of range for platform time_t")
        fraction, whole = _math.modf(t)
        us = round(fraction * 1e6)
        if us >= 1000000:
            whole += 1
            us -= 1000000
        elif us < 0:
            whole -= 1
            us += 1000000
        fields = _time.gmtime(whole) if utc else _time.localtime(whole)
        result = cls(fields[0], fields[1], fields[2], fields[3], fields[4], min(fields[5], 59), us, tz)
        if tz is not None:
            result = tz.fromutc(result)
        return result

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        _check_tzinfo(tz)
        return cls._from_timestamp(t, tz is not None, tz)

    @classmethod
    def utcfromtimestamp(cls, t):
        return cls._from_timestamp(t, True, None)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_time.time())

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def combine(cls, date_, time_, tzinfo=True):
        if not isinstance(date_, date):
            raise TypeError("combine() argument 1 must be datetime.date, not %s" % type(date_).__name__)
        if not isinstance(time_, time):
            raise TypeError("combine() argument 2 must be datetime.time, not %s" % type(time_).__name__)
        if tzinfo is True:
            tzinfo = time_.tzinfo
        return cls(date_.year, date_.month, date_.day, time_.hour, time_.minute, time_.second,
                   time_.microsecond, tzinfo, fold=time_.fold)

    @classmethod
    def fromisoformat(cls, text):
        if not isinstance(text, str):
            raise TypeError('fromisoformat: argument must be str')
        parsed = None
        if len(text) >= 7:
            split = _iso_date_length(text)
            ymd = _parse_iso_date(text[:split])
            if ymd is not None:
                if len(text) == split:
                    parsed = ymd + (0, 0, 0, 0, None)
                elif len(text) > split + 1:
                    clock = _parse_iso_time(text[split + 1:])
                    if clock is not None:
                        parsed = ymd + clock
        if parsed is None:
            raise ValueError('Invalid isoformat string: %r' % text)
        return cls(*parsed)

    @classmethod
    def strptime(cls, text, fmt):
        y, m, d, hh, mm, ss, us, tz = _strptime(text, fmt)
        return cls(y, m, d, hh, mm, ss, us, tz)

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @property
    def tzinfo(self):
        return self._tzinfo

    @property
    def fold(self):
        return self._fold

    def date(self):
        return date._of(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond, fold=self._fold)

    def timetz(self):
        return time(self._hour, self._minute, self._second, self._microsecond, self._tzinfo, fold=self._fold)

    def utcoffset(self):
        return _offset_of(self._tzinfo, self, 'utcoffset')

    def dst(self):
        return _offset_of(self._tzinfo, self, 'dst')

    def tzname(self):
        if self._tzinfo is None:
            return None
        name = self._tzinfo.tzname(self)
        if name is not None and not isinstance(name, str):
            raise TypeError("tzinfo.tzname() must return None or a string, not '%s'" % type(name).__name__)
        return name

    def timetuple(self):
        dst = self.dst()
        isdst = -1 if dst is None else (1 if dst else 0)
        return _time.struct_time((self._year, self._month, self._day, self._hour, self._minute, self._second,
                                  self.weekday(), self.toordinal() - _ordinal(self._year, 1, 1) + 1, isdst))

    def utctimetuple(self):
        offset = self.utcoffset()
        moment = self if offset is None else self - offset
        return _time.struct_time((moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second,
                                  moment.weekday(), moment.toordinal() - _ordinal(moment.year, 1, 1) + 1, 0))

    def timestamp(self):
        if self._tzinfo is None:
            local = _time.mktime((self._year, self._month, self._day, self._hour, self._minute, self._second,
                                  0, 1, -1))
            return local + self._microsecond / 1e6
        return (self - _EPOCH).total_seconds()

    def astimezone(self, tz=None):
        if tz is None:
            tz = self._local_timezone()
        elif not isinstance(tz, tzinfo):
            raise TypeError('tz argument must be an instance of tzinfo')
        offset = self.utcoffset()
        if offset is None:
            offset = self._local_timezone().utcoffset(None)
        if self._tzinfo is tz:
            return self
        utc = type(self)._from_us(self._us() - offset._total_us(), tz)
        return tz.fromutc(utc)

    def _local_timezone(self):
        if self._tzinfo is None:
            seconds = self.timestamp()
        else:
            seconds = (self - _EPOCH).total_seconds()
        local = _time.localtime(seconds)
        return timezone(timedelta(seconds=local.tm_gmtoff), local.tm_zone)

    def ctime(self):
        return '%s %s %2d %02d:%02d:%02d %04d' % (_DAY_ABBRS[self.weekday()], _MONTH_ABBRS[self._month - 1],
                                                  self._day, self._hour, self._minute, self._second, self._year)

    def isoformat(self, sep='T', timespec='auto'):
        if not isinstance(sep, str) or len(sep) != 1:
            raise TypeError('isoformat() argument 1 must be a unicode character, not %s' % type(sep).__name__)
        text = '%04d-%02d-%02d%s%s' % (self._year, self._month, self._day, sep,
                                       _time_text(self._hour, self._minute, self._second, self._microsecond,
                                                  timespec))
        return text + _offset_text(self.utcoffset(), ':')

    def __str__(self):
        return self.isoformat(sep=' ')

    def __repr__(self):
        fields = '%d, %d, %d, %d, %d' % (self._year, self._month, self._day, self._hour, self._minute)
        if self._microsecond:
            fields += ', %d, %d' % (self._second, self._microsecond)
        elif self._second:
            fields += ', %d' % self._second
        if self._tzinfo is not None:
            fields += ', tzinfo=%r' % (self._tzinfo,)
        if self._fold:
            fields += ', fold=1'
        return '%s(%s)' % (_name(type(self)), fields)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None, microsecond=None,
                tzinfo=True, *, fold=None):
        return type(self)(self._year if year is None else year, self._month if month is None else month,
                          self._day if day is None else day, self._hour if hour is None else hour,
                          self._minute if minute is None else minute, self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo, fold=self._fold if fold is None else fold)

    def _pair(self, other, what):
        # the two moments to compare or subtract, in microseconds; None when the offsets forbid it
        mine, theirs = self._us(), other._us()
        if self._tzinfo is other._tzinfo:
            return mine, theirs
        a, b = self.utcoffset(), other.utcoffset()
        if (a is None) != (b is None):
            return None
        if a is not None:
            mine -= a._total_us()
            theirs -= b._total_us()
        return mine, theirs

    def _order(self, other):
        if isinstance(other, datetime):
            pair = self._pair(other, 'compare')
            if pair is None:
                raise TypeError("can't compare offset-naive and offset-aware datetimes")
            return pair
        if isinstance(other, date):
            _compare_error(self, other)
        return None

    def __eq__(self, other):
        if isinstance(other, datetime):
            pair = self._pair(other, 'compare')
            return pair is not None and pair[0] == pair[1]
        return False if isinstance(other, date) else NotImplemented

    def __lt__(self, other):
        pair = self._order(other)
        return NotImplemented if pair is None else pair[0] < pair[1]

    def __le__(self, other):
        pair = self._order(other)
        return NotImplemented if pair is None else pair[0] <= pair[1]

    def __gt__(self, other):
        pair = self._order(other)
        return NotImplemented if pair is None else pair[0] > pair[1]

    def __ge__(self, other):
        pair = self._order(other)
        return NotImplemented if pair is None else pair[0] >= pair[1]

    def __hash__(self):
        offset = self.utcoffset()
        return hash(self._us() - (0 if offset is None else offset._total_us()))

    def __add__(self, other):
        if isinstance(other, timedelta):
            return type(self)._from_us(self._us() + other._total_us(), self._tzinfo)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return type(self)._from_us(self._us() - other._total_us(), self._tzinfo)
        if isinstance(other, datetime):
            pair = self._pair(other, 'subtract')
            if pair is None:
                raise TypeError("can't subtract offset-naive and offset-aware datetimes")
            return timedelta._of(pair[0] - pair[1])
        return NotImplemented


datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)
_EPOCH = datetime(1970, 1, 1, tzinfo=_UTC)
_OWN_CLASSES = (date, datetime, time, timedelta, timezone, tzinfo, IsoCalendarDate)


# ---- ISO 8601 text ----

def _digits(text, start, count):
    part = text[start:start + count]
    if len(part) != count or not part.isdigit() or not part.isascii():
        return None
    return int(part)


def _iso_date_length(text):
    # 2020-01-02 or 20200102; a week date 2020-W01-3, 2020-W01, 2020W013 or 2020W01
    if text[4] == '-':
        if text[5] == 'W' and (len(text) < 9 or text[8] != '-'):
            return 8
        return 10
    if text[4] == 'W':
        return 8 if len(text) > 7 and text[7].isdigit() else 7
    return 8


def _parse_iso_date(text):
    year = _digits(text, 0, 4)
    if year is None:
        return None
    rest = text[4:]
    dash = rest.startswith('-')
    if dash:
        rest = rest[1:]
    if rest.startswith('W'):
        week = _digits(rest, 1, 2)
        if week is None:
            return None
        rest = rest[3:]
        day = 1
        if rest:
            if rest.startswith('-') != dash:
                return None
            if dash:
                rest = rest[1:]
            day = _digits(rest, 0, 1)
            if day is None or len(rest) != 1:
                return None
        return _from_iso_calendar(year, week, day)
    month = _digits(rest, 0, 2)
    if month is None:
        return None
    rest = rest[2:]
    if rest.startswith('-') != dash:
        return None
    if dash:
        rest = rest[1:]
    day = _digits(rest, 0, 2)
    if day is None or len(rest) != 2:
        return None
    return year, month, day


def _parse_iso_time(text):
    # HH[:MM[:SS[.ffffff]]] or HH[MM[SS[.ffffff]]], then Z or ±HH[:MM[:SS[.ffffff]]]
    zone = None
    for i, ch in enumerate(text):
        if ch in '+-Z':
            zone = text[i:]
            text = text[:i]
            break
    clock = _parse_clock(text, True)
    if clock is None:
        return None
    tz = None
    if zone is not None:
        if zone == 'Z':
            tz = _UTC
        else:
            offset = _parse_clock(zone[1:], False)
            if offset is None:
                return None
            hh, mm, ss, us = offset
            delta = timedelta(hours=hh, minutes=mm, seconds=ss, microseconds=us)
            if zone[0] == '-':
                delta = -delta
            tz = _UTC if not delta else timezone(delta)
    return clock + (tz,)


def _parse_clock(text, fraction_any_length):
    fields = []
    i = 0
    colon = len(text) > 2 and text[2] == ':'
    while i < len(text) and len(fields) < 3:
        if fields and colon:
            if text[i] != ':':
                return None
            i += 1
        value = _digits(text, i, 2)
        if value is None:
            return None
        fields.append(value)
        i += 2
        if i < len(text) and text[i] in '.,':
            break
    if not fields:
        return None
    us = 0
    if i < len(text):
        if len(fields) != 3 or text[i] not in '.,':
            return None
        digits = text[i + 1:]
        if not digits or not digits.isdigit() or not digits.isascii() or (not fraction_any_length and len(digits) != 6):
            return None
        us = int((digits + '00000')[:6])
    while len(fields) < 3:
        fields.append(0)
    return fields[0], fields[1], fields[2], us


# ---- strptime ----

def _choices(re, names):
    # the longest first, so that 'March' is not read as 'Mar'
    return '(' + '|'.join(sorted((re.escape(n) for n in names), key=len, reverse=True)) + ')'


_STRPTIME_DIRECTIVES = {
    'd': r'(3[01]|[12]\\d|0[1-9]|[1-9]| [1-9])',
    'f': r'([0-9]{1,6})',
    'H': r'(2[0-3]|[0-1]\\d|\\d)',
    'I': r'(1[0-2]|0[1-9]|[1-9])',
    'G': r'(\\d\\d\\d\\d)',
    'j': r'(36[0-6]|3[0-5]\\d|[12]\\d\\d|0[1-9]\\d|00[1-9]|[1-9]\\d|0[1-9]|[1-9])',
    'm': r'(1[0-2]|0[1-9]|[1-9])',
    'M': r'([0-5]\\d|\\d)',
    'S': r'(6[0-1]|[0-5]\\d|\\d)',
    'U': r'(5[0-3]|[0-4]\\d|\\d)',
    'w': r'([0-6])',
    'u': r'([1-7])',
    'V': r'(5[0-3]|0[1-9]|[1-4]\\d|\\d)',
    'W': r'(5[0-3]|[0-4]\\d|\\d)',
    'y': r'(\\d\\d)',
    'Y': r'(\\d\\d\\d\\d)',
    'z': r'([+-]\\d\\d:?[0-5]\\d(?::?[0-5]\\d(?:\\.\\d{1,6})?)?|Z)',
    'p': r'(am|pm)',
}
_STRPTIME_EXPANSIONS = {'c': '%a %b %d %H:%M:%S %Y', 'x': '%m/%d/%y', 'X': '%H:%M:%S', 'D': '%m/%d/%y',
                        'T': '%H:%M:%S', 'R': '%H:%M', 'F': '%Y-%m-%d'}
_strptime_cache = {}


def _expand(fmt):
    # %c, %x and the like as the directives they stand for in the C locale
    out = []
    i = 0
    while i < len(fmt):
        if fmt[i] == '%' and i + 1 < len(fmt):
            out.append(_STRPTIME_EXPANSIONS.get(fmt[i + 1], fmt[i:i + 2]))
            i += 2
        else:
            out.append(fmt[i])
            i += 1
    return ''.join(out)


def _strptime_pattern(fmt):
    found = _strptime_cache.get(fmt)
    if found is not None:
        return found
    import re
    parts = []
    names = []
    expanded = _expand(fmt)
    i = 0
    while i < len(expanded):
        ch = expanded[i]
        i += 1
        if ch != '%':
            parts.append(r'\\s+' if ch.isspace() else re.escape(ch))
            continue
        if i == len(expanded):
            raise ValueError("stray %% in format '%s'" % fmt)
        ch = expanded[i]
        i += 1
        if ch == '%':
            parts.append('%')
        elif ch in 'aAbB':
            parts.append(_choices(re, {'a': _DAY_ABBRS, 'A': _DAY_NAMES, 'b': _MONTH_ABBRS, 'B': _MONTH_NAMES}[ch]))
            names.append(ch)
        elif ch == 'Z':
            parts.append(_choices(re, set(['utc', 'gmt'] + [n.lower() for n in _time.tzname])))
            names.append(ch)
        elif ch in _STRPTIME_DIRECTIVES:
            parts.append(_STRPTIME_DIRECTIVES[ch])
            names.append(ch)
        else:
            raise ValueError("'%s' is a bad directive in format '%s'" % (ch, fmt))
    found = (re.compile(''.join(parts), re.IGNORECASE), names)
    _strptime_cache[fmt] = found
    return found


def _strptime(text, fmt):
    # (year, month, day, hour, minute, second, microsecond, tzinfo) of text read by fmt
    if not isinstance(text, str):
        raise TypeError('strptime() argument 1 must be str, not %s' % type(text).__name__)
    if not isinstance(fmt, str):
        raise TypeError('strptime() argument 2 must be str, not %s' % type(fmt).__name__)
    pattern, names = _strptime_pattern(fmt)
    found = pattern.match(text)
    if found is None:
        raise ValueError('time data %r does not match format %r' % (text, fmt))
    if found.end() != len(text):
        raise ValueError('unconverted data remains: %s' % text[found.end():])
    year = None
    month = day = 1
    hour = minute = second = us = 0
    yday = None
    pm = None
    tz = None
    hour12 = None
    for name, value in zip(names, found.groups()):
        if name == 'Y':
            year = int(value)
        elif name == 'y':
            year = int(value)
            year += 2000 if year < 69 else 1900
        elif name == 'm':
            month = int(value)
        elif name == 'b':
            month = [m.lower() for m in _MONTH_ABBRS].index(value.lower()) + 1
        elif name == 'B':
            month = [m.lower() for m in _MONTH_NAMES].index(value.lower()) + 1
        elif name == 'd':
            day = int(value)
        elif name == 'H':
            hour = int(value)
        elif name == 'I':
            hour12 = int(value)
        elif name == 'p':
            pm = value.lower() == 'pm'
        elif name == 'M':
            minute = int(value)
        elif name == 'S':
            second = int(value)
        elif name == 'f':
            us = int((value + '00000')[:6])
        elif name == 'j':
            yday = int(value)
        elif name == 'z':
            if value.upper() == 'Z':
                tz = timezone(timedelta(0))
            else:
                digits = value[1:].replace(':', '')
                seconds = int(digits[0:2]) * 3600 + int(digits[2:4]) * 60 + (int(digits[4:6]) if len(digits) > 4 else 0)
                fraction = int((digits[7:] + '00000')[:6]) if len(digits) > 6 else 0
                delta = timedelta(seconds=seconds, microseconds=fraction)
                tz = timezone(-delta if value[0] == '-' else delta)
    if hour12 is not None:
        hour = hour12 % 12 + (12 if pm else 0)
    if year is None:
        year = 1900
    if yday is not None and 'm' not in names and 'd' not in names and 'b' not in names and 'B' not in names:
        year, month, day = _from_ordinal(_ordinal(year, 1, 1) + yday - 1)
    return year, month, day, hour, minute, second, us, tz



def _time_strptime(text, fmt='%a %b %d %H:%M:%S %Y'):
    # time.strptime: the struct_time of text read by fmt
    y, m, d, hh, mm, ss, us, tz = _strptime(text, fmt)
    day = date(y, m, d)
    offset = None if tz is None else tz.utcoffset(None)
    return _time.struct_time((y, m, d, hh, mm, ss, day.weekday(), day.toordinal() - _ordinal(y, 1, 1) + 1, -1,
                              None,
                              None if offset is None else offset.days * 86400 + offset.seconds))
`;
