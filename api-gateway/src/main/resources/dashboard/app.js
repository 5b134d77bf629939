// Double Time dashboard, started once every panel script has registered (see core.js for the panel contract).
'use strict';

Dashboard.start();
