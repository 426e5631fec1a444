// Injected by the kiosk into every page and frame of the resident's web view (qml/Web/LockedWebView.qml,
// an isolated world: the page cannot see or undo it; the DOM and its events are shared).
// - Nothing is dragged out of a page or dropped onto it (text, links, images, files).
// - Date, time and colour inputs become text inputs typed on the kiosk's keyboard (with the format as a
//   placeholder): the engine's own picker popups never open.
// - A single-choice <select> is shown as a list in the page (size > 1): the engine's popup never opens.
(function () {
    'use strict';
    ['dragstart', 'dragenter', 'dragover', 'drop'].forEach(function (type) {
        document.addEventListener(type, function (event) {
            event.preventDefault();
            event.stopPropagation();
            if (event.dataTransfer)
                event.dataTransfer.dropEffect = 'none';
        }, true);
    });

    var formats = {
        'date': 'YYYY-MM-DD',
        'datetime-local': 'YYYY-MM-DD hh:mm',
        'month': 'YYYY-MM',
        'week': 'YYYY-Www',
        'time': 'hh:mm',
        'color': '#rrggbb'
    };

    function tameInput(input) {
        var type = (input.getAttribute('type') || '').toLowerCase();
        if (!Object.prototype.hasOwnProperty.call(formats, type))
            return;
        input.setAttribute('data-kiosk-type', type);
        input.setAttribute('type', 'text');
        if (!input.getAttribute('placeholder'))
            input.setAttribute('placeholder', formats[type]);
    }

    function tameSelect(select) {
        if (select.multiple || select.size > 1)
            return;
        select.size = Math.max(2, Math.min(select.options.length, 8));
    }

    function tame(root) {
        if (!root || !root.querySelectorAll)
            return;
        if (root.tagName === 'INPUT')
            tameInput(root);
        else if (root.tagName === 'SELECT')
            tameSelect(root);
        var inputs = root.querySelectorAll('input');
        for (var i = 0; i < inputs.length; ++i)
            tameInput(inputs[i]);
        var selects = root.querySelectorAll('select');
        for (var j = 0; j < selects.length; ++j)
            tameSelect(selects[j]);
    }

    function watch() {
        tame(document);
        new MutationObserver(function (records) {
            records.forEach(function (record) {
                if (record.type === 'attributes')
                    tame(record.target);
                else
                    for (var k = 0; k < record.addedNodes.length; ++k)
                        tame(record.addedNodes[k]);
            });
        }).observe(document.documentElement, {
            childList: true, subtree: true, attributes: true, attributeFilter: ['type', 'size', 'multiple']
        });
    }

    if (document.readyState === 'loading')
        document.addEventListener('DOMContentLoaded', watch);
    else
        watch();
})();
