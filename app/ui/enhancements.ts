/**
 * What a reading page does with JavaScript although it ships none
 * (app/ui/hydration.ts): a few lines inline, under the page's CSP nonce,
 * rendered by the component that needs them, instead of React and a bundle.
 * Each starts from markup that is inert without it (a <template>, or an
 * element rendered `hidden`: ./enhancement.tsx), so no dead button is ever
 * shown or found, and does nothing where the browser lacks what it needs.
 *
 * Copy link (app/ui/share-links.tsx): where the clipboard API exists, each
 * `<template data-enhance="copy-link">` becomes its button, which copies
 * `data-url` and says `data-copied` or `data-failed` in its status.
 */
export const COPY_LINK_SCRIPT = `(function () {
	if (!navigator.clipboard) return
	document.querySelectorAll('template[data-enhance="copy-link"]').forEach(function (template) {
		var item = template.content.firstElementChild.cloneNode(true)
		var button = item.querySelector('button')
		var status = item.querySelector('[role="status"]')
		button.addEventListener('click', function () {
			navigator.clipboard.writeText(button.dataset.url).then(
				function () { status.textContent = button.dataset.copied },
				function () { status.textContent = button.dataset.failed }
			)
		})
		template.replaceWith(item)
	})
})()`

/**
 * Print (app/meetings/record-view.tsx): the hidden button just before the
 * script is shown and prints the page.
 */
export const PRINT_SCRIPT = `(function () {
	var button = document.currentScript.previousElementSibling
	if (typeof window.print !== 'function') return
	button.addEventListener('click', function () { window.print() })
	button.hidden = false
})()`

/**
 * Recompute a hash in the browser (app/meetings/record-view.tsx): the hidden
 * box just before the script holds a button; a click hashes
 * (SHA-256, Web Crypto, secure contexts only) the text of the element whose
 * id is `data-source` and says whether the result is one of `data-hashes`
 * (`data-matches`) or not (`data-differs`), in a status it adds to the box.
 */
export const VERIFY_HASH_SCRIPT = `(function () {
	var box = document.currentScript.previousElementSibling
	if (!window.crypto || !window.crypto.subtle || !window.TextEncoder) return
	var source = document.getElementById(box.dataset.source)
	var status = null
	box.querySelector('button').addEventListener('click', function () {
		window.crypto.subtle.digest('SHA-256', new TextEncoder().encode(source.textContent)).then(function (digest) {
			var hex = Array.prototype.map.call(new Uint8Array(digest), function (byte) { return ('0' + byte.toString(16)).slice(-2) }).join('')
			var code = document.createElement('code')
			code.className = 'break-all font-mono text-xs'
			code.textContent = hex
			var known = box.dataset.hashes.split(' ').indexOf(hex) !== -1
			if (!status) {
				status = document.createElement('p')
				status.setAttribute('role', 'status')
				status.setAttribute('data-testid', 'browser-check')
				box.appendChild(status)
			}
			status.replaceChildren(code, ' ' + (known ? box.dataset.matches : box.dataset.differs))
		})
	})
	box.hidden = false
})()`
