/**
 * Python's `argparse`, written in Python: a program run by GradLens has no command-line arguments, so `parse_args()` gives its defaults (string defaults converted by `type`, as argparse does); a list given to `parse_args` is parsed as argparse parses it, and its usage, help and errors are argparse's for the common actions.
 */
export const ARGPARSE_SOURCE = `import sys as _sys

SUPPRESS = '==SUPPRESS=='
OPTIONAL = '?'
ZERO_OR_MORE = '*'
ONE_OR_MORE = '+'
REMAINDER = '...'


class Namespace:
    def __init__(self, **kwargs):
        for k, v in kwargs.items():
            setattr(self, k, v)

    def __repr__(self):
        parts = []
        star = {}
        for k, v in self.__dict__.items():
            if k.isidentifier():
                parts.append('%s=%r' % (k, v))
            else:
                star[k] = v
        if star:
            parts.append('**%r' % star)
        return 'Namespace(%s)' % ', '.join(parts)

    def __eq__(self, other):
        if not isinstance(other, Namespace):
            return NotImplemented
        return vars(self) == vars(other)

    def __contains__(self, key):
        return key in self.__dict__


class ArgumentError(Exception):
    def __init__(self, argument, message):
        self.argument_name = None if argument is None else _display(argument)
        self.message = message
        super().__init__(message)

    def __str__(self):
        if self.argument_name is None:
            return self.message
        return 'argument %s: %s' % (self.argument_name, self.message)


class ArgumentTypeError(Exception):
    pass


class HelpFormatter:
    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        self.prog = prog


RawDescriptionHelpFormatter = HelpFormatter
RawTextHelpFormatter = HelpFormatter
ArgumentDefaultsHelpFormatter = HelpFormatter
MetavarTypeHelpFormatter = HelpFormatter


def _display(action):
    if action.option_strings:
        return '/'.join(action.option_strings)
    if action.metavar not in (None, SUPPRESS):
        return action.metavar
    return action.dest


class Action:
    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None,
                 choices=None, required=False, help=None, metavar=None, kind='store', version=None):
        self.option_strings = option_strings
        self.dest = dest
        self.nargs = nargs
        self.const = const
        self.default = default
        self.type = type
        self.choices = choices
        self.required = required
        self.help = help
        self.metavar = metavar
        self.kind = kind
        self.version = version

    def takes_values(self):
        return self.kind in ('store', 'append', 'extend')

    def __repr__(self):
        names = ['option_strings', 'dest', 'nargs', 'const', 'default', 'type', 'choices', 'required', 'help', 'metavar']
        return '%s(%s)' % (type(self).__name__, ', '.join('%s=%r' % (n, getattr(self, n)) for n in names))


class _Group:
    def __init__(self, parser, title=None, description=None, required=False):
        self._parser = parser
        self.title = title
        self.description = description
        self.required = required
        self._group_actions = []

    def add_argument(self, *args, **kwargs):
        action = self._parser.add_argument(*args, **kwargs)
        self._group_actions.append(action)
        return action

    def add_argument_group(self, *args, **kwargs):
        return _Group(self._parser, *args, **kwargs)

    def add_mutually_exclusive_group(self, required=False):
        return _Group(self._parser, required=required)

    def set_defaults(self, **kwargs):
        self._parser.set_defaults(**kwargs)


class ArgumentParser:
    def __init__(self, prog=None, usage=None, description=None, epilog=None, parents=(),
                 formatter_class=HelpFormatter, prefix_chars='-', fromfile_prefix_chars=None,
                 argument_default=None, conflict_handler='error', add_help=True, allow_abbrev=True,
                 exit_on_error=True):
        if prog is None:
            prog = _sys.argv[0].replace('\\\\', '/').split('/')[-1] if _sys.argv and _sys.argv[0] else 'python'
        self.prog = prog
        self.usage = usage
        self.description = description
        self.epilog = epilog
        self.allow_abbrev = allow_abbrev
        self.exit_on_error = exit_on_error
        self.argument_default = argument_default
        self._actions = []
        self._defaults = {}
        self._subgroups = []
        if add_help:
            self.add_argument('-h', '--help', action='help', default=SUPPRESS,
                              help='show this help message and exit')
        for parent in parents:
            for a in parent._actions:
                if a.kind != 'help':
                    self._actions.append(a)
            self._defaults.update(parent._defaults)

    # --- building ---
    def add_argument(self, *args, **kwargs):
        if not args or (len(args) == 1 and not args[0].startswith('-')):
            if 'dest' in kwargs and args:
                raise ValueError('dest supplied twice for positional argument')
            dest = args[0] if args else kwargs.get('dest')
            option_strings = []
            if kwargs.get('required') is not None and 'required' in kwargs:
                raise TypeError("'required' is an invalid argument for positionals")
            nargs = kwargs.get('nargs')
            required = nargs not in (OPTIONAL, ZERO_OR_MORE, REMAINDER)
        else:
            for s in args:
                if not s.startswith('-'):
                    raise ValueError('invalid option string %r: must start with a character %r' % (s, '-'))
            option_strings = list(args)
            dest = kwargs.get('dest')
            if dest is None:
                longs = [s for s in args if s.startswith('--')]
                dest = (longs[0] if longs else args[0]).lstrip('-').replace('-', '_')
            required = kwargs.get('required', False)
        kind = kwargs.get('action', 'store')
        if not isinstance(kind, str):
            raise NotImplementedError('GradLens runs the built-in argparse actions only, not a custom Action class')
        known = ('store', 'store_const', 'store_true', 'store_false', 'append', 'append_const',
                 'count', 'help', 'version', 'extend')
        if kind not in known:
            raise ValueError('unknown action "%s"' % kind)
        default = kwargs.get('default', self.argument_default)
        const = kwargs.get('const')
        nargs = kwargs.get('nargs')
        if kind == 'store_true':
            const, nargs = True, 0
            if 'default' not in kwargs:
                default = False
        elif kind == 'store_false':
            const, nargs = False, 0
            if 'default' not in kwargs:
                default = True
        elif kind in ('store_const', 'append_const', 'count', 'help', 'version'):
            nargs = 0
        type_ = kwargs.get('type')
        if type_ is not None and not callable(type_):
            raise ValueError('%r is not callable' % (type_,))
        action = Action(option_strings, dest, nargs=nargs, const=const, default=default, type=type_,
                        choices=kwargs.get('choices'), required=required, help=kwargs.get('help'),
                        metavar=kwargs.get('metavar'), kind=kind, version=kwargs.get('version'))
        for other in self._actions:
            for s in option_strings:
                if s in other.option_strings:
                    raise ArgumentError(action, 'conflicting option string: %s' % s)
        self._actions.append(action)
        return action

    def add_argument_group(self, title=None, description=None):
        return _Group(self, title, description)

    def add_mutually_exclusive_group(self, required=False):
        return _Group(self, required=required)

    def add_subparsers(self, **kwargs):
        raise NotImplementedError('GradLens does not run argparse sub-commands')

    def set_defaults(self, **kwargs):
        self._defaults.update(kwargs)
        for a in self._actions:
            if a.dest in kwargs:
                a.default = kwargs[a.dest]

    def get_default(self, dest):
        for a in self._actions:
            if a.dest == dest and a.default is not None:
                return a.default
        return self._defaults.get(dest)

    # --- parsing ---
    def parse_args(self, args=None, namespace=None):
        ns, extras = self.parse_known_args(args, namespace)
        if extras:
            self.error('unrecognized arguments: %s' % ' '.join(extras))
        return ns

    def parse_known_args(self, args=None, namespace=None):
        if args is None:
            args = list(_sys.argv[1:])
        else:
            args = list(args)
        ns = Namespace() if namespace is None else namespace
        for a in self._actions:
            if a.dest is not SUPPRESS and a.default is not SUPPRESS and not hasattr(ns, a.dest):
                setattr(ns, a.dest, a.default)
        for k, v in self._defaults.items():
            if not hasattr(ns, k):
                setattr(ns, k, v)
        try:
            extras = self._parse(args, ns)
        except ArgumentError as err:
            if not self.exit_on_error:
                raise
            self.error(str(err))
        return ns, extras

    def _option(self, arg):
        for a in self._actions:
            if arg in a.option_strings:
                return a
        if self.allow_abbrev and arg.startswith('--'):
            found = [a for a in self._actions for s in a.option_strings if s.startswith(arg)]
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                options = ', '.join(s for a in found for s in a.option_strings if s.startswith(arg))
                self.error('ambiguous option: %s could match %s' % (arg, options))
        return None

    def _convert(self, action, text):
        if not isinstance(text, str):
            return text
        if action.type is None:
            value = text
        else:
            try:
                value = action.type(text)
            except ArgumentTypeError as e:
                raise ArgumentError(action, str(e))
            except (TypeError, ValueError):
                name = getattr(action.type, '__name__', repr(action.type))
                raise ArgumentError(action, 'invalid %s value: %r' % (name, text))
        if action.choices is not None and value not in action.choices:
            choices = ', '.join(repr(c) for c in action.choices)
            raise ArgumentError(action, 'invalid choice: %r (choose from %s)' % (value, choices))
        return value

    def _store(self, action, ns, values, text_values):
        kind = action.kind
        if kind == 'help':
            self.print_help()
            raise SystemExit(0)
        if kind == 'version':
            print(action.version)
            raise SystemExit(0)
        if kind in ('store_const', 'store_true', 'store_false'):
            setattr(ns, action.dest, action.const)
        elif kind == 'count':
            setattr(ns, action.dest, (getattr(ns, action.dest, None) or 0) + 1)
        elif kind == 'append_const':
            items = list(getattr(ns, action.dest, None) or [])
            items.append(action.const)
            setattr(ns, action.dest, items)
        elif kind in ('append', 'extend'):
            items = list(getattr(ns, action.dest, None) or [])
            if kind == 'extend':
                items.extend(values)
            else:
                items.append(values)
            setattr(ns, action.dest, items)
        else:
            setattr(ns, action.dest, values)

    def _values(self, action, texts):
        nargs = action.nargs
        if nargs is None:
            return self._convert(action, texts[0])
        if nargs == OPTIONAL:
            if not texts:
                return self._convert(action, action.const) if action.option_strings else self._convert(action, action.default)
            return self._convert(action, texts[0])
        if nargs == 0:
            return action.const
        return [self._convert(action, t) for t in texts]

    def _count(self, action, available):
        nargs = action.nargs
        if nargs is None:
            return 1
        if nargs == OPTIONAL:
            return min(1, available)
        if nargs in (ZERO_OR_MORE, REMAINDER):
            return available
        if nargs == ONE_OR_MORE:
            return available
        return nargs

    def _parse(self, args, ns):
        positionals = [a for a in self._actions if not a.option_strings]
        seen = set()
        loose = []
        extras = []
        i = 0
        only_positionals = False
        while i < len(args):
            arg = args[i]
            if arg == '--' and not only_positionals:
                only_positionals = True
                i += 1
                continue
            if only_positionals or not arg.startswith('-') or arg == '-' or _is_number(arg):
                loose.append(arg)
                i += 1
                continue
            explicit = None
            if '=' in arg and arg.startswith('--'):
                arg, explicit = arg.split('=', 1)
            action = self._option(arg)
            if action is None and explicit is None and not arg.startswith('--') and len(arg) > 2:
                action = self._option(arg[:2])
                if action is not None and action.nargs == 0:
                    # \`-vv\`, \`-xv\`: single-letter flags written together
                    args = args[:i] + ['-' + c for c in arg[1:]] + args[i + 1:]
                    continue
                if action is not None:
                    explicit = arg[2:]
            if action is None:
                extras.append(args[i])
                i += 1
                continue
            seen.add(action)
            i += 1
            if explicit is not None:
                if action.nargs == 0:
                    raise ArgumentError(action, 'ignored explicit argument %r' % explicit)
                texts = [explicit]
            else:
                follow = []
                j = i
                while j < len(args) and not (args[j].startswith('-') and args[j] != '-' and not _is_number(args[j])):
                    follow.append(args[j])
                    j += 1
                n = self._count(action, len(follow))
                if action.nargs is None and not follow:
                    raise ArgumentError(action, 'expected one argument')
                if action.nargs == ONE_OR_MORE and not follow:
                    raise ArgumentError(action, 'expected at least one argument')
                if isinstance(action.nargs, int) and len(follow) < action.nargs:
                    raise ArgumentError(action, 'expected %d argument%s' % (action.nargs, '' if action.nargs == 1 else 's'))
                texts = follow[:n]
                i += n
            self._store(action, ns, self._values(action, texts), texts)
        # positionals take the loose arguments in order
        k = 0
        for idx, action in enumerate(positionals):
            rest = len(loose) - k
            later = positionals[idx + 1:]
            needed_later = sum(1 if p.nargs is None else (p.nargs if isinstance(p.nargs, int) else (1 if p.nargs == ONE_OR_MORE else 0)) for p in later)
            available = max(0, rest - needed_later)
            if action.nargs is None:
                if rest < 1:
                    break
                texts = loose[k:k + 1]
            elif action.nargs == OPTIONAL:
                texts = loose[k:k + min(1, available)]
            elif action.nargs in (ZERO_OR_MORE, REMAINDER):
                texts = loose[k:k + available]
            elif action.nargs == ONE_OR_MORE:
                if available < 1:
                    break
                texts = loose[k:k + available]
            else:
                if rest < action.nargs:
                    break
                texts = loose[k:k + action.nargs]
            k += len(texts)
            seen.add(action)
            if action.nargs in (ZERO_OR_MORE,) and not texts:
                value = action.default if action.default is not None else []
                value = self._convert(action, value) if isinstance(value, str) else value
            else:
                value = self._values(action, texts)
            self._store(action, ns, value, texts)
        extras.extend(loose[k:])
        missing = [_display(a) for a in self._actions if a.required and a not in seen]
        if missing:
            self.error('the following arguments are required: %s' % ', '.join(missing))
        # string defaults go through the action's type, as argparse does
        for a in self._actions:
            if a not in seen and isinstance(a.default, str) and a.type is not None and a.default is not SUPPRESS:
                if getattr(ns, a.dest, None) is a.default:
                    setattr(ns, a.dest, self._convert(a, a.default))
        return extras

    # --- messages ---
    def _metavar(self, action):
        if action.metavar is not None:
            return action.metavar
        if action.choices is not None:
            return '{%s}' % ','.join(str(c) for c in action.choices)
        return action.dest.upper() if action.option_strings else action.dest

    def _args_text(self, action):
        m = self._metavar(action)
        nargs = action.nargs
        if nargs is None:
            return m
        if nargs == OPTIONAL:
            return '[%s]' % m
        if nargs == ZERO_OR_MORE:
            return '[%s ...]' % m
        if nargs == ONE_OR_MORE:
            return '%s [%s ...]' % (m, m)
        if nargs == REMAINDER:
            return '...'
        if nargs == 0:
            return ''
        return ' '.join([m] * nargs)

    def format_usage(self):
        prefix = 'usage: '
        if self.usage is not None:
            return prefix + self.usage.replace('%(prog)s', self.prog) + '\\n'
        optionals = []
        positionals = []
        for a in self._actions:
            if a.help == SUPPRESS:
                continue
            if a.option_strings:
                text = a.option_strings[0]
                args = self._args_text(a)
                if args:
                    text += ' ' + args
                optionals.append(text if a.required else '[%s]' % text)
            else:
                positionals.append(self._args_text(a))
        text = ' '.join([self.prog] + optionals + positionals)
        if len(prefix) + len(text) <= _WIDTH:
            return prefix + text + '\\n'
        # too long for one line: argparse wraps the options, then the positionals, under the program's name
        indent = ' ' * (len(prefix) + len(self.prog) + 1)
        if optionals:
            lines = _wrap_parts([self.prog] + optionals, indent, prefix)
            lines += _wrap_parts(positionals, indent)
        else:
            lines = _wrap_parts([self.prog] + positionals, indent, prefix)
        return prefix + '\\n'.join(lines) + '\\n'

    def format_help(self):
        lines = [self.format_usage().rstrip('\\n'), '']
        if self.description:
            lines += _wrap_words(self.description, _WIDTH) + ['']
        def invocation(a):
            if not a.option_strings:
                return self._metavar(a)
            args = self._args_text(a)
            return ', '.join(s + (' ' + args if args else '') for s in a.option_strings)
        shown = [a for a in self._actions if a.help != SUPPRESS]
        width = min(24, max([len(invocation(a)) + 4 for a in shown] + [0]))
        def section(title, actions):
            if not actions:
                return
            lines.append(title + ':')
            for a in actions:
                inv = '  ' + invocation(a)
                text = a.help or ''
                if '%(' in text:
                    fields = dict(vars(a))
                    fields['prog'] = self.prog
                    text = text % fields
                if not text:
                    lines.append(inv)
                    continue
                wrapped = _wrap_words(text, _WIDTH - width)
                if len(inv) + 2 <= width:
                    lines.append(inv.ljust(width) + wrapped[0])
                else:
                    lines.append(inv)
                    lines.append(' ' * width + wrapped[0])
                lines.extend(' ' * width + w for w in wrapped[1:])
            lines.append('')
        section('positional arguments', [a for a in shown if not a.option_strings])
        section('options', [a for a in shown if a.option_strings])
        if self.epilog:
            lines += [self.epilog, '']
        return '\\n'.join(lines[:-1] if lines and lines[-1] == '' else lines) + '\\n'

    def print_usage(self, file=None):
        print(self.format_usage(), end='', file=file)

    def print_help(self, file=None):
        print(self.format_help(), end='', file=file)

    def error(self, message):
        self.print_usage(_sys.stderr)
        print('%s: error: %s' % (self.prog, message), file=_sys.stderr)
        raise SystemExit(2)

    def exit(self, status=0, message=None):
        if message:
            print(message, end='', file=_sys.stderr)
        raise SystemExit(status)


# argparse formats for the terminal's width less 2; a program's output has no terminal, so 80
_WIDTH = 78


def _wrap_parts(parts, indent, prefix=None):
    lines = []
    line = []
    line_len = len(prefix) - 1 if prefix is not None else len(indent) - 1
    for part in parts:
        if line_len + 1 + len(part) > _WIDTH and line:
            lines.append(indent + ' '.join(line))
            line = []
            line_len = len(indent) - 1
        line.append(part)
        line_len += len(part) + 1
    if line:
        lines.append(indent + ' '.join(line))
    if prefix is not None:
        lines[0] = lines[0][len(indent):]
    return lines


def _wrap_words(text, width):
    words = text.split()
    lines = []
    line = ''
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = w if not line else line + ' ' + w
    lines.append(line)
    return lines


def _is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False
`;
