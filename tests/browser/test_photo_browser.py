"""The photo page in a real Chromium: upload, then the crop tool (the vendored Cropper.js)
driven from the keyboard only — focus, "-" to shrink the circle, Shift+arrows to move it to
the top-left corner — and the saved 400×400 photo is that corner of the image."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from playwright.async_api import Browser, Locator, Page, expect
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import UserPhoto
from tests.browser.flows import (
    accessibility_problems,
    register_with_form,
    screenshot,
    signed_in_user_id,
    unique_email,
)

pytestmark = pytest.mark.browser

HELD_MS = 150


async def press(page: Page, target: Locator) -> None:
    await target.scroll_into_view_if_needed()
    box = await target.bounding_box()
    assert box is not None
    await page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    await page.mouse.down()
    await page.wait_for_timeout(HELD_MS)
    await page.mouse.up()


def portrait_jpeg() -> bytes:
    """800×600, warm grey, with a green 200×150 block in the top-left corner."""
    picture = Image.new("RGB", (800, 600), (190, 150, 130))
    picture.paste((20, 170, 50), (0, 0, 200, 150))
    out = io.BytesIO()
    picture.save(out, format="JPEG", quality=92)
    return out.getvalue()


async def crop_numbers(page: Page) -> tuple[int, int, int]:
    values = [
        int(await page.locator(f'#crop-form input[name="{name}"]').input_value())
        for name in ("left", "top", "side")
    ]
    return values[0], values[1], values[2]


async def test_upload_then_crop_with_the_keyboard(
    browser_page: Page, js_errors: list[str], db: AsyncSession
) -> None:
    page = browser_page
    await register_with_form(page, "Paula Photo", unique_email("photo"))
    user_id = await signed_in_user_id(page)
    await page.goto("/account")
    await press(page, page.get_by_role("link", name="Add a photo"))
    await expect(page.get_by_role("heading", level=1)).to_have_text("Photo")
    await page.set_input_files(
        "#photo", files=[{"name": "me.jpg", "mimeType": "image/jpeg", "buffer": portrait_jpeg()}]
    )
    await press(page, page.get_by_role("button", name="Upload"))
    await expect(page.get_by_role("status")).to_contain_text("Photo saved")
    await expect(page.locator("#crop-tool.ready")).to_be_visible()
    await expect(page.locator("#crop-form")).to_be_visible()  # revealed by its script
    # The whole height, centred: the square the server saved without JavaScript.
    assert await crop_numbers(page) == (100, 0, 600)
    assert await accessibility_problems(page) == []

    tool = page.locator("#crop-tool")
    await tool.focus()
    for _ in range(20):
        await page.keyboard.press("-")
    left, top, side = await crop_numbers(page)
    assert side < 300, side
    for _ in range(12):
        await page.keyboard.press("Shift+ArrowLeft")
        await page.keyboard.press("Shift+ArrowUp")
    left, top, side = await crop_numbers(page)
    assert (left, top) == (0, 0) and 100 < side < 300
    await screenshot(page, "photo-crop.png")
    await press(page, page.get_by_role("button", name="Save the crop"))
    await expect(page.get_by_role("status")).to_contain_text("Crop saved")

    image = await db.scalar(
        select(UserPhoto.image).where(UserPhoto.user_id == user_id, UserPhoto.kind == "photo")
    )
    await db.rollback()
    assert image is not None
    with Image.open(io.BytesIO(image)) as photo:
        assert photo.size == (400, 400)
        red, green, _ = photo.getpixel((60, 60))  # inside the green block
        assert green > 140 and red < 80
    assert js_errors == []


async def test_the_crop_follows_a_finger_on_a_touch_screen(
    chromium: Browser, live_server: str, db: AsyncSession
) -> None:
    """A phone: the circle dragged with one finger (touch events, no mouse) moves the crop."""
    context = await chromium.new_context(
        base_url=live_server,
        viewport={"width": 390, "height": 844},
        has_touch=True,
        is_mobile=True,
        locale="en-US",
    )
    try:
        page = await context.new_page()
        await register_with_form(page, "Toni Touch", unique_email("touch"))
        await page.goto("/account/photo")
        await page.set_input_files(
            "#photo",
            files=[{"name": "me.jpg", "mimeType": "image/jpeg", "buffer": portrait_jpeg()}],
        )
        await page.get_by_role("button", name="Upload").tap()
        await expect(page.locator("#crop-tool.ready")).to_be_visible()
        # Shrink the circle first (the buttons work by tap), then drag it to the top-left.
        for _ in range(10):
            await page.get_by_role("button", name="Smaller").tap()
        left, top, side = await crop_numbers(page)
        assert side < 400 and left > 0
        face = page.locator(".cropper-face")
        await face.scroll_into_view_if_needed()
        box = await face.bounding_box()
        assert box is not None
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        cdp = await context.new_cdp_session(page)

        async def touch(kind: str, at: tuple[float, float] | None) -> None:
            points = [{"x": at[0], "y": at[1]}] if at else []
            await cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

        await touch("touchStart", (x, y))
        for step in range(1, 11):
            await touch("touchMove", (x - step * 20, y - step * 20))
            await page.wait_for_timeout(15)
        await touch("touchEnd", None)
        moved_left, moved_top, moved_side = await crop_numbers(page)
        assert moved_side == side
        assert moved_left < left and moved_top <= top and (moved_left, moved_top) != (left, top)
    finally:
        await context.close()
