"""Formal 公文 (GB/T 9704-2012): the 版头, 附件 and 版记 around a report, and the page values.

Moves into ``layouts/`` (as the ``formal`` and ``letter`` layouts) when that package lands.
"""
