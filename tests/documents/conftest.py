from tests.documents.story import out_folder

__all__ = ["out_folder"]
