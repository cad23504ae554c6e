"""The chief's desk: decisions and confirmations an officer drafts and the chief approves.

The law reserves decisions to the commune police chief (Trưởng Công an xã), and caseterm
reserves some warnings to a chief (a CCCD that fails its rules, an ID number another person
holds). An officer prepares such a form whole, as a draft; it changes no file and starts no
deadline. The chief approves it, which records it in the chief's name dated when the chief
signs, the drafter kept beside it, or rejects it with a reason the officer reads. It may use
`lifecycle`, `registry`, `session` and `words`.
"""
