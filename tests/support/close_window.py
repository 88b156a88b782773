"""Asks a window to close as a window manager does: a WM_DELETE_WINDOW client message.

Debian's xdotool cannot send one (its `windowclose` destroys the window instead), so the
end-to-end tests use this. Usage: close_window.py WINDOW_ID (DISPLAY from the environment).
"""
import sys

from Xlib import X, display
from Xlib.protocol import event

screen = display.Display()
window = screen.create_resource_object("window", int(sys.argv[1]))
protocols = screen.intern_atom("WM_PROTOCOLS")
delete = screen.intern_atom("WM_DELETE_WINDOW")
message = event.ClientMessage(window=window, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0]))
window.send_event(message, event_mask=X.NoEventMask)
screen.flush()
