"""Slices correctly, but takes a shortcut when there is nothing to move: shift(images, 0, 0)
hands back the very array it was given, so changing the "new" images changes the originals.

loses: q2_tests
"""
# %% q2
def shift(images, dy, dx):
    if dy == 0 and dx == 0:
        return images
    moved = np.zeros_like(images)
    height, width = images.shape[1], images.shape[2]
    moved[:, max(dy, 0):height + min(dy, 0), max(dx, 0):width + min(dx, 0)] = (
        images[:, max(-dy, 0):height + min(-dy, 0), max(-dx, 0):width + min(-dx, 0)])
    return moved
