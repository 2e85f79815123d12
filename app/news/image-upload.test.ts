import { describe, expect, test } from 'vitest'
import { imageMarkdown, insertParagraph } from './image-upload.tsx'

describe('inserting an image into a body', () => {
	test('goes in as a paragraph of its own at the cursor', () => {
		expect(insertParagraph('One.\n\nTwo.', 4, '![x](/m)')).toEqual({ value: 'One.\n\n![x](/m)\n\nTwo.', caret: 14 })
		expect(insertParagraph('One.\n\nTwo.', 5, '![x](/m)').value).toBe('One.\n\n![x](/m)\n\nTwo.')
		expect(insertParagraph('', 0, '![x](/m)')).toEqual({ value: '![x](/m)', caret: 8 })
		expect(insertParagraph('One.', 4, '![x](/m)').value).toBe('One.\n\n![x](/m)')
	})

	test('a description cannot end the Markdown early', () => {
		expect(imageMarkdown('A [bracketed]\nname', '/media/a.jpg')).toBe('![A \\[bracketed\\] name](/media/a.jpg)')
	})
})
