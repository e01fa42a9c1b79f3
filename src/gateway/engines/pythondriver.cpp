// SPDX-License-Identifier: GPL-3.0-or-later
#include "engines/pythondriver.h"

namespace linkisdesk::gateway {

QByteArray PythonDriver::source()
{
    return QByteArrayLiteral(R"PY(# linkis-desk python engine driver (written by the gateway)
import json, linecache, os, signal, sys, traceback

_nonce = sys.argv[1]
_commands = os.fdopen(os.dup(0), 'r', encoding='utf-8')
_null = os.open(os.devnull, os.O_RDONLY)
os.dup2(_null, 0)
os.close(_null)
sys.argv = ['']
_state = {'running': False}


def _on_interrupt(signum, frame):
    if _state['running']:
        raise KeyboardInterrupt


signal.signal(signal.SIGINT, _on_interrupt)


def _mark(obj):
    line = ('\x1e' + _nonce + ' ' + json.dumps(obj) + '\n').encode('utf-8')
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    for fd in (1, 2):
        os.write(fd, line)


_globals = {'__name__': '__main__', '__builtins__': __builtins__}
_mark({'ready': True, 'version': '%d.%d.%d' % sys.version_info[:3]})
for _line in _commands:
    _job = json.loads(_line)
    _name = '<task %d>' % _job['id']
    _src = _job['code']
    linecache.cache[_name] = (len(_src), None, _src.splitlines(True), _name)
    _end = {'id': _job['id'], 'result': 'ok'}
    try:
        try:
            _code = compile(_src, _name, 'exec')
            _state['running'] = True
            exec(_code, _globals)
        finally:
            _state['running'] = False
    except SystemExit as e:
        if e.code is None or e.code == 0:
            pass
        elif isinstance(e.code, int):
            _end.update(result='exit', code=e.code)
        else:
            print(e.code, file=sys.stderr)
            _end.update(result='exit', code=1, error=str(e.code))
    except KeyboardInterrupt:
        _end.update(result='interrupted')
    except BaseException as e:
        traceback.print_exception(type(e), e, e.__traceback__.tb_next)
        _end.update(result='error',
                    error=traceback.format_exception_only(type(e), e)[-1].strip())
    _mark(_end)
)PY");
}

} // namespace linkisdesk::gateway
