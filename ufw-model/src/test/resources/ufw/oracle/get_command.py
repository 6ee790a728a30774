# Reads one JSON list of ufw argv words per line on stdin; prints one JSON object per line:
# {"cmd": "<what 'ufw show added' prints after 'ufw '>", "type": "v4|v6|both"} or {"err": "..."}.
# Uses the installed ufw's own parser (the specification), in-process.
import gettext, json, sys, io
gettext.install('ufw')
import ufw.frontend, ufw.parser, ufw.util
for line in sys.stdin:
    argv = json.loads(line)
    res = {}
    saved = sys.stderr
    sys.stderr = io.StringIO()
    try:
        pr = ufw.frontend.parse_command(['ufw'] + argv)
        if 'rule' in pr.data:
            r = pr.data['rule']
            if r.forward:
                res['cmd'] = 'route ' + ufw.parser.UFWCommandRouteRule.get_command(r)
            else:
                res['cmd'] = ufw.parser.UFWCommandRule.get_command(r)
            res['type'] = pr.data['iptype']
        else:
            res['other'] = pr.action
    except SystemExit:
        res['err'] = sys.stderr.getvalue()
    except Exception as e:
        res['err'] = sys.stderr.getvalue() or repr(e)
    finally:
        sys.stderr = saved
    print(json.dumps(res), flush=True)
