# Runs xm config texts the way xm's create.py read them (Python 2 execfile) and prints what each
# leaves in its namespace, as JSON with Python 2 types kept apart. Used by scripts/py2-diff.mjs
# (a dev tool, not part of npm test: CI machines may lack Python 2).
#   stdin:  JSON list of {"id": ..., "path": FILE}   (each FILE is executed with execfile)
#   stdout: JSON list of {"id", "ok": true, "values": {name: typed}} or {"id", "ok": false, "error": "NameError", "line": n}
# typed values: {"t": "int"|"long"|"float", "v": repr text} | {"t": "str", "v": text}
#               | {"t": "unicode", "v": text, "n": code points}
#               | {"t": "bool", "v": true} | {"t": "None"} | {"t": "list"|"tuple", "v": [typed...]}
#               | {"t": "other", "v": type name}
# A str (bytes) is given as its bytes read as Latin-1 code points, so no byte is lost.
import json, os, sys, types

class XmVars(object):
    def var(self, *a, **k): pass
    def check(self): pass

PRESET = ('os', 'sys', 'xm_vars', 'xm_file', 'xm_help')

def typed(v, depth=0):
    if depth > 200:
        return {'t': 'other', 'v': 'deep'}
    if isinstance(v, bool):
        return {'t': 'bool', 'v': v}
    if isinstance(v, int):
        return {'t': 'int', 'v': repr(v)}
    if isinstance(v, long):
        return {'t': 'long', 'v': repr(v)[:-1]}
    if isinstance(v, float):
        return {'t': 'float', 'v': repr(v)}
    if isinstance(v, str):
        return {'t': 'str', 'v': v.decode('latin-1')}
    if isinstance(v, unicode):
        # n: the code points (a wide build: u'\U00010000' is 1, u'\ud800\udc00' 2), which JSON's
        # text of the two cannot tell apart.
        return {'t': 'unicode', 'v': v, 'n': len(v)}
    if v is None:
        return {'t': 'None'}
    if isinstance(v, (list, tuple)):
        return {'t': 'list' if isinstance(v, list) else 'tuple', 'v': [typed(x, depth + 1) for x in v]}
    return {'t': 'other', 'v': type(v).__name__}

def run(path, defines):
    # xm's Opts.load: empty globals (builtins come in by themselves), locals pre-set by its own code.
    ns = {'os': os, 'sys': sys, 'xm_vars': XmVars(), 'xm_file': path, 'xm_help': 0}
    ns.update(defines)
    pre = dict(ns)
    try:
        execfile(path, {}, ns)
    except BaseException as e:
        line = getattr(e, 'lineno', None)
        if line is None:
            tb = sys.exc_info()[2]
            while tb is not None and tb.tb_next is not None:
                tb = tb.tb_next
            line = tb.tb_lineno if tb is not None and tb.tb_frame.f_code.co_filename == path else None
        return {'ok': False, 'error': type(e).__name__, 'message': str(e)[:200], 'line': line}
    values = {}
    for k, v in ns.items():
        if k in pre and pre[k] is v:
            continue
        if isinstance(v, (types.ModuleType, types.FunctionType, types.ClassType, type)):
            values[k] = {'t': 'other', 'v': type(v).__name__}
            continue
        values[k] = typed(v)
    return {'ok': True, 'values': values}

def main():
    # A file's own output (`print`, os.system) must not mix with the JSON: it goes to stderr.
    real = os.fdopen(os.dup(1), 'w')
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    jobs = json.load(sys.stdin)
    out = []
    for job in jobs:
        r = run(job['path'], job.get('defines', {}))
        r['id'] = job['id']
        out.append(r)
    real.write(json.dumps(out))
    real.flush()

main()
