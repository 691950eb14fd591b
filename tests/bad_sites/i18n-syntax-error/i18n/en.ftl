# A site override with a placeholder left open.
nav-status = Status
nav-history = History of { $site
