# Saves a document through LibreOffice with a password (the UNO API; the
# command line's --convert-to cannot set one). Used by gen.sh:
#
#	/usr/bin/python3 testdata/doc/encrypt.py IN OUT FILTER
#
# Needs Debian's python3-uno beside LibreOffice. The password is "nianbao".
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main(src, dst, filt):
    profile = tempfile.mkdtemp()
    office = subprocess.Popen(["soffice", "-env:UserInstallation=file://" + profile, "--headless", "--invisible",
                               "--accept=socket,host=127.0.0.1,port=20021;urp;"])
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(120):
        try:
            ctx = resolver.resolve("uno:socket,host=127.0.0.1,port=20021;urp;StarOffice.ComponentContext")
            break
        except Exception:
            time.sleep(0.5)
    else:
        sys.exit("soffice did not start")
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0, (prop("Hidden", True),))
    doc.storeToURL(uno.systemPathToFileUrl(dst), (prop("FilterName", filt), prop("Password", "nianbao")))
    doc.close(True)
    try:
        desktop.terminate()
    except Exception:
        pass  # the connection drops as the office quits
    office.wait(timeout=60)


if __name__ == "__main__":
    main(*sys.argv[1:4])
